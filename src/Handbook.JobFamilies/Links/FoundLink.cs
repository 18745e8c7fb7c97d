namespace Handbook.JobFamilies.Links;

/// <summary>
/// One link written in a page: its URL as written, where it was written and Markdig's 0-based position (pass
/// <see cref="Line"/>/<see cref="Column"/> to <c>JobFamily.Locate</c>).
/// </summary>
public sealed record FoundLink(string Url, LinkOrigin Origin, int Line, int Column);
