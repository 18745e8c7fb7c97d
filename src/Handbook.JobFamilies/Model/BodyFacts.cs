namespace Handbook.JobFamilies.Model;

using Handbook.JobFamilies.Links;

/// <summary>
/// What the stages after rendering read from a family's Markdown tree, recorded once so that a one-shot build can
/// let the tree go (issue 9: the expanded trees were the largest thing a build held to its end). Set only on a copy
/// made by <see cref="SyntaxTreeRelease.WithoutSyntaxTree"/>; readers use it when present and walk the tree otherwise.
/// </summary>
/// <param name="HasMermaid">Whether the page has a Mermaid diagram (the layout then loads mermaid.min.js).</param>
/// <param name="AuthoredLinks">Every link the author wrote, as <c>LinkFinder.Find(family)</c> lists them.</param>
/// <param name="CareerLadderLinks">The links of the Career Ladder section, in page order.</param>
public sealed record BodyFacts(bool HasMermaid, IReadOnlyList<FoundLink> AuthoredLinks, IReadOnlyList<LabeledLink> CareerLadderLinks);
