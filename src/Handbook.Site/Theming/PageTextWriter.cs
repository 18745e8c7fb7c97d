namespace Handbook.Site.Theming;

using System.Globalization;
using System.Text;

/// <summary>
/// A <see cref="TextWriter"/> into one reused, contiguous character array: what the layout renders a whole page into.
/// Unlike a <see cref="StringBuilder"/> the page is then one span, so a one-shot build can scan it (the CSP facts),
/// encode it to UTF-8 and stage it without ever making the page a string (issue 9: the page strings were ~400 MiB of
/// a build's allocation at N = 1000, each copied out of the builder and dropped right after staging).
/// </summary>
/// <remarks>
/// Every write completes synchronously (as <see cref="StringWriter"/>'s do), so Fluid's asynchronous writes never
/// leave the rendering thread. Not thread-safe: one per thread (<see cref="PageBuffers"/>).
/// </remarks>
internal sealed class PageTextWriter : TextWriter
{
    private char[] _buffer;
    private int _length;

    public PageTextWriter(int capacity = 16 * 1024)
        : base(CultureInfo.InvariantCulture)
    {
        _buffer = new char[capacity];
    }

    public override Encoding Encoding => Encoding.Unicode;

    /// <summary>The characters written so far.</summary>
    public ReadOnlySpan<char> Text => _buffer.AsSpan(0, _length);

    /// <summary>The characters written so far, as memory (valid until the next write or <see cref="Clear"/>).</summary>
    public ReadOnlyMemory<char> Memory => _buffer.AsMemory(0, _length);

    public int Length => _length;

    public int Capacity => _buffer.Length;

    public void Clear() => _length = 0;

    /// <summary>Drops the characters from <paramref name="length"/> on.</summary>
    public void Truncate(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, _length);
        _length = length;
    }

    public override void Write(char value)
    {
        if (_length == _buffer.Length)
        {
            Grow(1);
        }

        _buffer[_length++] = value;
    }

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(char[]? buffer) => Write(buffer.AsSpan());

    public override void Write(ReadOnlySpan<char> buffer)
    {
        if (_buffer.Length - _length < buffer.Length)
        {
            Grow(buffer.Length);
        }

        buffer.CopyTo(_buffer.AsSpan(_length));
        _length += buffer.Length;
    }

    public override void Write(StringBuilder? value)
    {
        if (value is null)
        {
            return;
        }

        foreach (var chunk in value.GetChunks())
        {
            Write(chunk.Span);
        }
    }

    public override Task WriteAsync(char value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(char[] buffer, int index, int count)
    {
        Write(buffer, index, count);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        Write(buffer.Span);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(StringBuilder? value, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync(char value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync(char[] buffer, int index, int count)
    {
        WriteLine(buffer, index, count);
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        WriteLine(buffer.Span);
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync(StringBuilder? value, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        Write(value);
        WriteLine();
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync()
    {
        WriteLine();
        return Task.CompletedTask;
    }

    public override Task FlushAsync() => Task.CompletedTask;

    public override Task FlushAsync(CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested ? Task.FromCanceled(cancellationToken) : Task.CompletedTask;

    public override string ToString() => new(Text);

    private void Grow(int needed)
    {
        var capacity = Math.Max(checked(_length + needed), checked(_buffer.Length * 2));
        var larger = new char[capacity];
        _buffer.AsSpan(0, _length).CopyTo(larger);
        _buffer = larger;
    }
}
