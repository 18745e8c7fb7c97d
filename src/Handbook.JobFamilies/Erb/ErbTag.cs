namespace Handbook.JobFamilies.Erb;

/// <summary>
/// One ERB tag found in a text: <see cref="Start"/> and <see cref="Length"/> are offsets into the text (the whole tag,
/// including a trailing newline swallowed by <c>-%&gt;</c>), <see cref="Line"/>/<see cref="Column"/> are 1-based,
/// <see cref="Code"/> is the Ruby between the delimiters (trimmed), <see cref="Source"/> the tag as written.
/// </summary>
public sealed record ErbTag(ErbTagKind Kind, int Start, int Length, int Line, int Column, string Code, string Source)
{
    /// <summary>The tag shortened for messages: <c>&lt;%= link_to … %&gt;</c>.</summary>
    public string Display
    {
        get
        {
            var oneLine = string.Join(' ', Source.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
            return oneLine.Length <= 60 ? oneLine : oneLine[..50] + " … %>";
        }
    }
}
