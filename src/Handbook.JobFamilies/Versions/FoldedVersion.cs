namespace Handbook.JobFamilies.Versions;

/// <summary>A version that was folded into an older one, and why (e.g. "whitespace-only change").</summary>
public sealed record FoldedVersion(PageVersion Version, string Reason);
