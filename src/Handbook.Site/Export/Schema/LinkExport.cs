namespace Handbook.Site.Export.Schema;

/// <summary>A link: its text and its URL as written on the page.</summary>
public sealed record LinkExport(string Text, string Url);
