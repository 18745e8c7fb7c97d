namespace Handbook.JobFamilies.Erb;

using System.Text;
using Handbook.JobFamilies.Model;

/// <summary>
/// Builds the expanded text while remembering, for every output line, the file and line it came from. A line made of
/// pieces from several places is attributed to its first non-blank piece (so a partial inserted after indentation
/// belongs to the partial, and text around a substituted local belongs to the partial line holding it).
/// </summary>
internal sealed class MappedTextBuilder
{
    private readonly StringBuilder _text = new();
    private readonly List<(string Path, int Line)> _origins = [];
    private (string Path, int Line)? _currentOrigin;
    private bool _currentHasContent;

    /// <summary>Characters appended so far.</summary>
    public int Length => _text.Length;

    /// <summary>
    /// Appends <paramref name="text"/> that starts at <paramref name="line"/> of <paramref name="path"/>. With
    /// <paramref name="advance"/>, each newline moves to the next source line; without it (generated text) every line
    /// is attributed to <paramref name="line"/>.
    /// </summary>
    public void Append(string text, string path, int line, bool advance = true)
    {
        var start = 0;
        while (start <= text.Length)
        {
            var newline = text.IndexOf('\n', start);

            // A span, not a substring per line: every line of every page (and of each historic version) passes here.
            var piece = newline < 0 ? text.AsSpan(start) : text.AsSpan(start, newline - start);
            AppendPiece(piece, path, line);
            if (newline < 0)
            {
                break;
            }

            _text.Append('\n');
            EndLine(path, line);
            start = newline + 1;
            if (advance)
            {
                line++;
            }
        }
    }

    public ErbResult Build(string pagePath)
    {
        if (_currentOrigin is not null || _text.Length == 0 || _text[^1] != '\n')
        {
            _origins.Add(_currentOrigin ?? (pagePath, 1));
        }

        var map = new SourceMap(pagePath);
        var i = 0;
        while (i < _origins.Count)
        {
            var (path, line) = _origins[i];
            var count = 1;
            while (i + count < _origins.Count && _origins[i + count].Path == path && _origins[i + count].Line == line + count)
            {
                count++;
            }

            map.Add(i + 1, count, path, line);
            i += count;
        }

        return new ErbResult(_text.ToString(), map);
    }

    private void AppendPiece(ReadOnlySpan<char> piece, string path, int line)
    {
        if (piece.IsEmpty)
        {
            return;
        }

        var hasContent = !piece.IsWhiteSpace();
        if (_currentOrigin is null || (hasContent && !_currentHasContent))
        {
            _currentOrigin = (path, line);
            _currentHasContent = hasContent;
        }

        _text.Append(piece);
    }

    private void EndLine(string path, int line)
    {
        _origins.Add(_currentOrigin ?? (path, line));
        _currentOrigin = null;
        _currentHasContent = false;
    }
}
