namespace Handbook.Pipeline.IO;

/// <summary>A file selected for reading: its input-relative '/'-separated path and where it really is on disk.</summary>
public sealed record InputFile(string RelativePath, string RealPath);
