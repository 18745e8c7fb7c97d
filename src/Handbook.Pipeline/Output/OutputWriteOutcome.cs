namespace Handbook.Pipeline.Output;

/// <summary>Whether the output folder was replaced; in every case but <see cref="Replaced"/> the old one is intact.</summary>
public enum OutputWriteOutcome
{
    /// <summary>The new output was written and swapped in.</summary>
    Replaced,

    /// <summary>The build failed (and keep-going was off), so nothing was written.</summary>
    SkippedBecauseBuildFailed,

    /// <summary>Writing failed (INTERNAL005/IO006 reported); the temporary folder was removed.</summary>
    Failed,
}
