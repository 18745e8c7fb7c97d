namespace Handbook.JobFamilies.Reuse;

using Handbook.JobFamilies.Links;
using Handbook.JobFamilies.Model;
using Handbook.JobFamilies.Parsing;
using Handbook.Pipeline.Diagnostics;

/// <summary>
/// The JSON shape of a <see cref="FamilyState"/> without its body (<see cref="FamilyStateCodec"/> stores the body
/// after it). The model's roles, sections and items are shared by reference (a role's responsibilities are also in
/// its section list and in the page's section tree), so they are stored once each, in flat lists, and referred to by
/// index (-1: none); the mapping (<see cref="StoredFamilyMapping"/>) restores the same sharing. Locations name their
/// file by its index in <see cref="Paths"/>, and inherited items their origin by its index in <see cref="Inherited"/>:
/// a page that extends others holds hundreds of copied bullets, each with the same file and the same few origins, and
/// reading the JSON is what a restore costs (the real corpus's largest page: 127 KB of items with paths written out).
/// </summary>
internal sealed record StoredFamily(
    FamilyPathInfo Path,
    IReadOnlyList<string> Paths,
    IReadOnlyList<InheritedFrom> Inherited,
    string Title,
    string? Description,
    StoredFrontMatter FrontMatter,
    StoredSourceMap SourceMap,
    IReadOnlyList<StoredItem> Items,
    IReadOnlyList<StoredSection> Sections,
    IReadOnlyList<StoredRole> Roles,
    IReadOnlyList<int> TopSections,
    IReadOnlyList<int> Levels,
    IReadOnlyList<int> Specialties,
    int PageRole,
    int PerformanceIndicators,
    int CareerLadder,
    int HiringProcess,
    bool HasMermaid,
    IReadOnlyList<FoundLink> AuthoredLinks,
    IReadOnlyList<LabeledLink> CareerLadderLinks,
    IReadOnlyList<string>? ListedFolders,
    IReadOnlyList<StoredDiagnostic> Diagnostics,
    StoredGradeLookups? GradeLookups);

/// <summary>
/// What the family's grade resolution read from the grade table (<see cref="Grades.GradeLookups"/>): its track and
/// each id as written, in the order met. Null when the family was not graded. Kept so a restored family's current
/// page can stand in for a version whose grade table answers those lookups alike (<c>CurrentPages</c>); without it
/// such versions were rendered again in every build that restored their family.
/// </summary>
internal sealed record StoredGradeLookups(string TrackId, IReadOnlyList<string> Ids);

/// <summary>
/// The front matter: its typed keys, every key's value (<see cref="Model.FrontMatter.Values"/>) in order, and where
/// each value is written (<see cref="Model.FrontMatter.Positions"/>).
/// </summary>
internal sealed record StoredFrontMatter(
    string? Title,
    string? Description,
    string? Layout,
    string? CanonicalPath,
    IReadOnlyList<string> ExtraJs,
    IReadOnlyList<StoredEntry> Values,
    int BodyStartLine,
    IReadOnlyList<StoredPosition> Positions);

/// <summary>Where a front-matter key's value is written.</summary>
internal sealed record StoredPosition(string Key, int Line, int Column);

/// <summary>A key of a front-matter mapping and its value.</summary>
internal sealed record StoredEntry(string Key, StoredValue Value);

/// <summary>A YAML value as the front-matter reader keeps it: null, a scalar's text, a sequence or a mapping.</summary>
internal sealed record StoredValue(StoredValueKind Kind, string? Text, IReadOnlyList<StoredValue>? Items, IReadOnlyList<StoredEntry>? Entries);

/// <summary>Which of <see cref="StoredValue"/>'s fields holds the value.</summary>
internal enum StoredValueKind
{
    Null,
    Text,
    Sequence,
    Mapping,
}

/// <summary>A source map: the parsed text's path and the segments that came from other files (ERB partials).</summary>
internal sealed record StoredSourceMap(string Path, IReadOnlyList<StoredSegment> Segments);

/// <summary>One segment of a <see cref="StoredSourceMap"/>.</summary>
internal sealed record StoredSegment(int ParsedStartLine, int LineCount, string SourcePath, int SourceStartLine);

/// <summary>A source location whose file is an index in <see cref="StoredFamily.Paths"/>.</summary>
internal readonly record struct StoredLocation(int Path, int Line, int Column);

/// <summary>A bullet (<see cref="Item"/>) without its block; <see cref="InheritedFrom"/> indexes <see cref="StoredFamily.Inherited"/> (-1: its own).</summary>
internal sealed record StoredItem(string Text, StoredLocation Location, int InheritedFrom);

/// <summary>A section (<see cref="Section"/>) without its heading and blocks; items and children by index.</summary>
internal sealed record StoredSection(
    SectionKind Kind,
    string Title,
    string Anchor,
    int HeadingLevel,
    StoredLocation Location,
    int StartLine,
    int EndLine,
    IReadOnlyList<int> Items,
    IReadOnlyList<int> Children);

/// <summary>A role (<see cref="Role"/>) without its heading; sections by index.</summary>
internal sealed record StoredRole(
    RoleKind Kind,
    string Name,
    string Anchor,
    StoredLocation Location,
    int StartLine,
    int EndLine,
    int Overview,
    int Responsibilities,
    int Requirements,
    int NiceToHaves,
    int PerformanceIndicators,
    int JobGrade,
    IReadOnlyList<int> Sections,
    StoredGrade? Grade,
    IReadOnlyList<StoredExtendsLink> Extends);

/// <summary>A role's grade (<see cref="GradeAssignment"/>).</summary>
internal sealed record StoredGrade(string Value, StoredLocation Location, string? Title, string? Track, string? Url);

/// <summary>A resolved "extends" target (<see cref="ExtendsLink"/>).</summary>
internal sealed record StoredExtendsLink(string Url, string Role, IReadOnlyList<SectionKind> Sections, StoredLocation Location, bool IsAlternative);

/// <summary>A diagnostic (<see cref="Diagnostic"/>, with its developer detail).</summary>
internal sealed record StoredDiagnostic(Severity Severity, string Code, string Message, StoredLocation Location, string? Hint, string? Detail);
