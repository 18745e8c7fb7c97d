namespace Handbook.JobFamilies.Mermaid;

/// <summary>
/// A <c>click node "url"</c> target in a Mermaid diagram. <see cref="Line"/> and <see cref="Column"/> are Markdig's
/// 0-based position of the URL's first character (pass them to <c>JobFamily.Locate</c>).
/// </summary>
public sealed record MermaidLink(string Node, string Url, int Line, int Column);
