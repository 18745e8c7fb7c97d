namespace Handbook.JobFamilies.Markdown;

using System.Globalization;
using System.Text;

/// <summary>
/// A <see cref="TextWriter"/> into a growable character buffer that is reused from page to page (one per thread):
/// a body rendered into it is read in place (<see cref="Written"/>) and becomes no string of its own (issue 9: each
/// body was a large-object-heap string, hundreds of MiB at synthetic N = 1000 over a build).
/// </summary>
public sealed class HtmlBufferWriter : TextWriter
{
    private char[] _buffer = new char[16 * 1024];
    private int _length;

    public HtmlBufferWriter()
        : base(CultureInfo.InvariantCulture)
    {
        NewLine = "\n";
    }

    public override Encoding Encoding => Encoding.Unicode;

    /// <summary>What was written since the last <see cref="Clear"/>; valid until the next write.</summary>
    public ReadOnlySpan<char> Written => _buffer.AsSpan(0, _length);

    public void Clear() => _length = 0;

    public override void Write(char value)
    {
        Ensure(1);
        _buffer[_length++] = value;
    }

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        Ensure(buffer.Length);
        buffer.CopyTo(_buffer.AsSpan(_length));
        _length += buffer.Length;
    }

    public override void Write(string? value) => Write(value.AsSpan());

    private void Ensure(int more)
    {
        if (_length + more > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + more));
        }
    }
}
