namespace Handbook.JobFamilies.Markdown;

using System.Buffers;

/// <summary>
/// Gathers text with whitespace collapsed on the way in: a run of whitespace (NBSP included) becomes one space, and
/// leading and trailing whitespace is dropped. The same result as gathering everything first and collapsing it after,
/// because collapsing looks at one character at a time. Writes into a pooled array (not a stack buffer: zeroing one
/// per call cost more than renting), so the only allocation is the final string.
/// </summary>
internal ref struct CollapsingText
{
    /// <summary>The first buffer's size (a heading or a bullet fits).</summary>
    private const int InitialSize = 512;

    private char[] _buffer;
    private int _length;
    private bool _pendingSpace;

    public CollapsingText()
    {
        _buffer = ArrayPool<char>.Shared.Rent(InitialSize);
        _length = 0;
        _pendingSpace = false;
    }

    /// <summary>Whether <paramref name="text"/> is already what collapsing would make of it.</summary>
    public static bool IsCollapsed(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return true;
        }

        if (IsCollapsible(text[0]) || IsCollapsible(text[^1]))
        {
            return false;
        }

        var previousSpace = false;
        foreach (var c in text)
        {
            if (c == ' ')
            {
                if (previousSpace)
                {
                    return false;
                }

                previousSpace = true;
            }
            else if (IsCollapsible(c))
            {
                return false;
            }
            else
            {
                previousSpace = false;
            }
        }

        return true;
    }

    public void Append(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            Append(c);
        }
    }

    public void Append(char c)
    {
        if (IsCollapsible(c))
        {
            _pendingSpace = _length > 0;
            return;
        }

        if (_pendingSpace)
        {
            Put(' ');
            _pendingSpace = false;
        }

        Put(c);
    }

    /// <summary>The text gathered; gives back the pooled array, so call it once, last.</summary>
    public string ToStringAndDispose()
    {
        var result = _length == 0 ? string.Empty : new string(_buffer, 0, _length);
        ArrayPool<char>.Shared.Return(_buffer);
        _buffer = [];
        _length = 0;
        return result;
    }

    private static bool IsCollapsible(char c) => char.IsWhiteSpace(c) || c == '\u00A0';

    private void Put(char c)
    {
        if (_length == _buffer.Length)
        {
            Grow();
        }

        _buffer[_length++] = c;
    }

    private void Grow()
    {
        var larger = ArrayPool<char>.Shared.Rent(Math.Max(_buffer.Length * 2, InitialSize));
        _buffer.AsSpan(0, _length).CopyTo(larger);
        ArrayPool<char>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
