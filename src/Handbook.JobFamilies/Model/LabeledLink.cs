namespace Handbook.JobFamilies.Model;

/// <summary>A link's visible text and its URL as written.</summary>
public sealed record LabeledLink(string Text, string Url);
