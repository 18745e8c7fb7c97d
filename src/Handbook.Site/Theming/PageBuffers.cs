namespace Handbook.Site.Theming;

using System.Text;

/// <summary>
/// The two text buffers one thread renders pages into (the page template's output, then the layout's), reused from
/// page to page so rendering a page does not allocate buffers the size of its body each time. A buffer that grew
/// past <see cref="MaxRetainedChars"/> for an unusually large page is dropped afterwards rather than held. The whole
/// page goes into one contiguous array (<see cref="PageTextWriter"/>), so it can be staged without a string.
/// </summary>
internal sealed class PageBuffers
{
    private const int MaxRetainedChars = 4 * 1024 * 1024;

    [ThreadStatic]
    private static PageBuffers? _current;

    public StringBuilder Fragment { get; private set; } = new();

    public PageTextWriter Page { get; private set; } = new();

    public static PageBuffers ForThisThread() => _current ??= new PageBuffers();

    /// <summary>Called after a page is rendered: lets the GC have buffers an outsized page left behind.</summary>
    public void Trim()
    {
        if (Fragment.Capacity > MaxRetainedChars)
        {
            Fragment = new StringBuilder();
        }

        if (Page.Capacity > MaxRetainedChars)
        {
            Page = new PageTextWriter();
        }
    }
}
