namespace Handbook.JobFamilies.Stages;

using Handbook.JobFamilies.Hugo;
using Handbook.Pipeline.Documents;

/// <summary>
/// A page's Markdown body kept compressed (<see cref="CompressedText"/>) from the moment its file is read until the
/// batch that parses it (<see cref="ProcessFamiliesInBatches"/>), instead of as a string: with
/// <see cref="JobFamilyKeys.ParkedMarkdownBody"/> set, the page's <see cref="JobFamilyKeys.MarkdownBody"/> is empty and
/// this holds the text. Exact: <see cref="Text"/> gives back the very characters (a text UTF-8 cannot hold is kept as it
/// is).
/// </summary>
/// <remarks>
/// Why (issue 9): read as strings, every page's body (≈ 466 MiB of UTF-16 at synthetic N = 10000) was alive from
/// reading to its batch, and the reading stages' resident set (≈ 790 MiB) was as high as the end of the batches.
/// Compressed, the bodies are ≈ 48 MiB. Every reader of a body before parsing reads it through <see cref="TextOf"/>.
/// </remarks>
public sealed class ParkedMarkdown
{
    /// <summary>What opens an ERB tag (<c>&lt;%</c>).</summary>
    public const string ErbOpening = "<%";

    private readonly CompressedText _text;

    private ParkedMarkdown(CompressedText text, bool hasErbOpening, bool hasShortcodeOpening)
    {
        _text = text;
        HasErbOpening = hasErbOpening;
        HasShortcodeOpening = hasShortcodeOpening;
    }

    /// <summary>
    /// Whether the body contains <see cref="ErbOpening"/>, noted when it was parked (the text is at hand then): every
    /// page passes <see cref="ExpandErb"/>, and asking the compressed text would decompress every page once more for an
    /// answer that is "no" on nearly all of them (issue 9, +2.7 % CPU at synthetic N = 3000).
    /// </summary>
    public bool HasErbOpening { get; }

    /// <summary>Whether the body may hold a Hugo shortcode (<c>{{&lt;</c>, <c>{{%</c>), noted for the same reason.</summary>
    public bool HasShortcodeOpening { get; }

    /// <summary>Bytes held.</summary>
    public long Size => _text.Size;

    /// <summary><paramref name="text"/> parked, its compressed bytes in <paramref name="spool"/> (off the heap) when there is one.</summary>
    public static ParkedMarkdown Of(string text, ICompressedTextSpool? spool = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new ParkedMarkdown(CompressedText.Of(text, spool), text.Contains(ErbOpening, StringComparison.Ordinal), HugoShortcodeScanner.MayContain(text));
    }

    /// <summary>The body as a string of its own.</summary>
    public string Text() => _text.Decompress();

    /// <summary>The compressed text itself, for the batches' parking (no second compression).</summary>
    internal CompressedText Compressed => _text;

    /// <summary>
    /// <paramref name="document"/> with its body parked: <see cref="JobFamilyKeys.MarkdownBody"/> emptied and the text
    /// in <see cref="JobFamilyKeys.ParkedMarkdownBody"/>; a document without a body as it is.
    /// </summary>
    public static Document Park(Document document, ICompressedTextSpool? spool = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!document.TryGet(JobFamilyKeys.MarkdownBody, out var body))
        {
            return document;
        }

        return document.With(JobFamilyKeys.MarkdownBody, string.Empty).With(JobFamilyKeys.ParkedMarkdownBody, Of(body, spool));
    }

    /// <summary>
    /// The Markdown body of <paramref name="document"/>, parked or not; false when it has none.
    /// </summary>
    public static bool TryGetText(Document document, out string text)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.TryGet(JobFamilyKeys.ParkedMarkdownBody, out var parked) && parked is not null)
        {
            text = parked.Text();
            return true;
        }

        return document.TryGet(JobFamilyKeys.MarkdownBody, out text!);
    }

    /// <summary>The parked body of <paramref name="document"/>, or null when its body is a string (or it has none).</summary>
    public static ParkedMarkdown? Of(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.TryGet(JobFamilyKeys.ParkedMarkdownBody, out var parked) ? parked : null;
    }

    /// <summary>
    /// <paramref name="document"/> with <paramref name="text"/> as its body, parked again when it was parked (so that
    /// a parked page stays parked, on the heap: the few pages whose body is replaced, ERB pages), else as a string.
    /// </summary>
    public static Document WithText(Document document, string text)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(text);
        return Of(document) is null
            ? document.With(JobFamilyKeys.MarkdownBody, text)
            : document.With(JobFamilyKeys.MarkdownBody, string.Empty).With(JobFamilyKeys.ParkedMarkdownBody, Of(text));
    }

    /// <summary><paramref name="document"/> with <paramref name="text"/> as its body, as a string, and no parked one.</summary>
    public static Document Unparked(Document document, string text)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(text);
        var unparked = document.With(JobFamilyKeys.MarkdownBody, text);
        return Of(document) is null ? unparked : unparked.With(JobFamilyKeys.ParkedMarkdownBody, null);
    }
}
