namespace Handbook.JobFamilies.Redirects;

/// <summary>One source path of a redirect entry as written (with a leading '/' added if it had none) and its 1-based position in the data file.</summary>
public sealed record RedirectSource(string Path, int Line, int Column);
