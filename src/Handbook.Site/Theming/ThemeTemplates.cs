namespace Handbook.Site.Theming;

/// <summary>The template files a theme must provide, relative to the theme folder.</summary>
public static class ThemeTemplates
{
    public const string Layout = "layouts/base.liquid";

    public const string JobFamily = "job-family.liquid";

    public const string Department = "department.liquid";

    public const string SectionIndex = "section-index.liquid";

    public const string NotFound = "404.liquid";

    /// <summary>The grade table page, the target of every grade link.</summary>
    public const string Grades = "grades.liquid";

    /// <summary>The reverse grade index <c>/job-families/grades/</c>: every level and specialty at each grade.</summary>
    public const string GradeIndex = "grade-index.liquid";

    /// <summary>The search results page <c>/job-families/search/</c> (results computed in the browser).</summary>
    public const string Search = "search.liquid";

    /// <summary>A family's compare-levels page <c>/job-families/&lt;slug&gt;/compare/</c>.</summary>
    public const string Compare = "compare.liquid";

    /// <summary>A department's career ladder <c>/job-families/&lt;dept&gt;/ladder/</c>.</summary>
    public const string Ladder = "ladder.liquid";

    /// <summary>A historic version of a job family: the version banner above <c>job-family.liquid</c>'s output.</summary>
    public const string FamilyVersion = "job-family-version.liquid";

    /// <summary>A family's history page: every version and what changed between consecutive ones.</summary>
    public const string FamilyHistory = "family-history.liquid";

    /// <summary>The section-wide recent changes page <c>/job-families/recent-changes/</c>.</summary>
    public const string RecentChanges = "recent-changes.liquid";

    /// <summary>Partials (<c>{% render 'partials/name' %}</c> or <c>{% include … %}</c>), parsed when the theme loads so errors show early.</summary>
    public const string PartialsFolder = "partials";

    /// <summary>Files below this folder are copied to the same path below the output root.</summary>
    public const string AssetsFolder = "assets";

    public static readonly IReadOnlyList<string> All = [Layout, JobFamily, Department, SectionIndex, NotFound, Grades, GradeIndex, Search, Compare, Ladder, FamilyVersion, FamilyHistory, RecentChanges];
}
