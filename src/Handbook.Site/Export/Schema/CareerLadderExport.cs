namespace Handbook.Site.Export.Schema;

/// <summary>The links found in the page's Career Ladder section (Markdown links and Mermaid <c>click</c> targets).</summary>
public sealed record CareerLadderExport(IReadOnlyList<LinkExport> Links);
