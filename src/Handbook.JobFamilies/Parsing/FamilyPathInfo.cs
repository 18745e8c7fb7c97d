namespace Handbook.JobFamilies.Parsing;

/// <summary>
/// Identity of a job-family page derived from its input-relative path (see <see cref="FamilyPath.TryParse"/>).
/// </summary>
/// <param name="SourcePath">Input-relative path with '/', e.g. <c>job-families/sales/solutions-architect.md</c>.</param>
/// <param name="Slug">Path below <c>job-families/</c> without extension or <c>/index…</c>, e.g. <c>sales/solutions-architect</c>.</param>
/// <param name="Department">First folder below <c>job-families/</c>, e.g. <c>sales</c>.</param>
/// <param name="Url">Pretty URL, e.g. <c>/job-families/sales/solutions-architect/</c>.</param>
/// <param name="IsDepartmentIndex">The page of a department itself (<c>job-families/sales/index.md</c>).</param>
/// <param name="IsFolderIndex">The page is an <c>index.*</c> or Hugo <c>_index.*</c> file, i.e. the page of the folder it is in.</param>
/// <param name="IsErb">The file name ends in <c>.erb</c>, so ERB tags are expanded.</param>
public sealed record FamilyPathInfo(
    string SourcePath,
    string Slug,
    string Department,
    string Url,
    bool IsDepartmentIndex,
    bool IsFolderIndex,
    bool IsErb);
