namespace Handbook.JobFamilies.Extends;

using Handbook.JobFamilies.Model;

/// <summary>
/// A recognised "this role inherits that role's items" statement, before resolution: what it points at, which
/// sections it inherits, and the text the statement adds of its own.
/// </summary>
/// <param name="Text">The whole statement text as recognised (plain text, links reduced to their text).</param>
/// <param name="Wording">Which wording matched (a stable id, see <see cref="ExtendsWording"/>), for tests and docs.</param>
/// <param name="Targets">What is extended. With <see cref="IsChoice"/> these are alternatives, otherwise all of them apply.</param>
/// <param name="IsChoice">The statement names alternatives ("A or B"): the reader picks one.</param>
/// <param name="Sections">Sections the statement names explicitly; empty means "the section the statement sits in".</param>
/// <param name="ExtraText">Text after the inheritance phrase ("…, plus: …", a following sentence), or null.</param>
public sealed record ExtendsStatement(
    string Text,
    string Wording,
    IReadOnlyList<ExtendsTarget> Targets,
    bool IsChoice,
    IReadOnlyList<SectionKind> Sections,
    string? ExtraText)
{
    /// <summary>The verb as misspelt on the page ("Exends"), read as "extends"; null when it is spelt right (EXTENDS004).</summary>
    public string? MisspeltVerb { get; init; }
}

/// <summary>How a statement refers to the role it extends.</summary>
public enum ExtendsTargetKind
{
    /// <summary>A role named in plain text ("the Senior Solutions Architect").</summary>
    Named,

    /// <summary>"above", "outlined above", "of the previous level", "of previous roles": the role before this one in page order.</summary>
    Previous,

    /// <summary>"the intermediate position": the level named Intermediate.</summary>
    Intermediate,

    /// <summary>"the general responsibilities": the page-level section outside any role.</summary>
    General,
}

/// <summary>
/// One thing a statement points at. <see cref="Name"/> is the role phrase (null for pure positions). <see cref="Link"/>
/// is set when the phrase is a link (an in-page <c>#anchor</c> or a page URL): the resolver tries it first and falls
/// back to the name or position when it leads nowhere. <see cref="Qualifier"/> narrows a <see cref="ExtendsTargetKind.Previous"/>
/// position to the nearest role above whose name has that word ("the previous manager roles": the nearest manager).
/// </summary>
public sealed record ExtendsTarget(ExtendsTargetKind Kind, string? Name, string? Link = null, string? Qualifier = null)
{
    public override string ToString()
    {
        var head = Kind == ExtendsTargetKind.Named ? Name ?? string.Empty : Kind.ToString().ToLowerInvariant();
        return Link is null ? head : $"{head} -> {Link}";
    }
}
