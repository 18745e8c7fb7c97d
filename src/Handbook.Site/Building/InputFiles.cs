namespace Handbook.Site.Building;

/// <summary>Which input files the app reads (globs relative to the input folder; see the schemas in README.md).</summary>
public static class InputFiles
{
    /// <summary>Pages, partials (beside pages, at the root, under includes/) and data files, read as UTF-8 text.</summary>
    public static readonly IReadOnlyList<string> Text =
    [
        "job-families/**/*.md",
        "job-families/**/*.erb",
        "includes/**/*.md",
        "includes/**/*.erb",
        "_*.md",
        "_*.erb",
        "data/*.yml",
    ];

    /// <summary>Images beside pages, copied to the same path in the output (page-relative image links keep working).</summary>
    public static readonly IReadOnlyList<string> Images =
    [
        "job-families/**/*.png",
        "job-families/**/*.jpg",
        "job-families/**/*.jpeg",
        "job-families/**/*.gif",
        "job-families/**/*.svg",
        "job-families/**/*.webp",
    ];

    /// <summary>Theme files copied to the output unchanged (relative to the theme folder).</summary>
    public static readonly IReadOnlyList<string> ThemeAssets = ["assets/**/*"];
}
