namespace Handbook.JobFamilies.Model;

using Handbook.Pipeline.Diagnostics;

/// <summary>A resolved "extends" target of a role: the page URL (with anchor) and role name, and which sections are inherited.</summary>
public sealed record ExtendsLink(string Url, string Role, IReadOnlyList<SectionKind> Sections, SourceLocation Location)
{
    /// <summary>The statement names alternatives ("A or B"); this is one of them, and the reader picks one.</summary>
    public bool IsAlternative { get; init; }
}
