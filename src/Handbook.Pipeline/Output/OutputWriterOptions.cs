namespace Handbook.Pipeline.Output;

/// <summary>Settings of an <see cref="OutputWriter"/>.</summary>
public sealed record OutputWriterOptions
{
    /// <summary>Replace the output even when the build reported errors (<c>--keep-going</c>).</summary>
    public bool KeepGoing { get; init; }

    /// <summary>Treat warnings like errors when deciding whether to replace the output (<c>--strict</c>).</summary>
    public bool FailOnWarnings { get; init; }

    /// <summary>Files written at the same time.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// The input folder, when known: an output folder that is it or contains it is refused (IO006), because the swap
    /// would delete the sources.
    /// </summary>
    public string? InputFolder { get; init; }

    /// <summary>
    /// After a first full write, change only the files whose bytes differ, in place (for the preview: rewriting and
    /// swapping a thousand-page folder for a one-page edit is slow). See <see cref="OutputWriter"/>.
    /// </summary>
    public bool UpdateInPlace { get; init; }

    /// <summary>Leftover temporary folders of crashed builds older than this are deleted before writing.</summary>
    public TimeSpan StaleLeftoverAge { get; init; } = TimeSpan.FromMinutes(10);
}
