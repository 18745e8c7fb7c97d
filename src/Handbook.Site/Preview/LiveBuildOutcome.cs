namespace Handbook.Site.Preview;

using Handbook.Pipeline.Diagnostics;

/// <summary>
/// What one preview rebuild reports to <see cref="LiveRebuild"/>: its diagnostics and the output files it changed
/// (output-relative), so no snapshot of the whole output folder is needed; null when unknown.
/// </summary>
public sealed record LiveBuildOutcome(IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<string>? ChangedFiles);
