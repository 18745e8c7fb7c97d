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

    /// <summary>Liquid partials, included by templates as <c>{% include 'partials/name' %}</c>; optional.</summary>
    public const string PartialsFolder = "partials";

    /// <summary>Files below this folder are copied to the same path below the output root.</summary>
    public const string AssetsFolder = "assets";

    public static readonly IReadOnlyList<string> All = [Layout, JobFamily, Department, SectionIndex, NotFound, Grades, GradeIndex];
}
