namespace Handbook.Site.Theming;

using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using Microsoft.Extensions.FileProviders;
using Handbook.Pipeline.Diagnostics;
using Handbook.Site.Theming.Views;

/// <summary>
/// A Fluid (Liquid) theme: its templates, parsed once when the theme is loaded and shared by every page (parsed
/// templates are immutable, so pages render in parallel), and its static assets. A page template renders the main
/// content; the layout wraps it (<c>content</c>) in the HTML document.
/// </summary>
public sealed class Theme
{
    // Escapes markup characters but leaves letters of every script readable in the source.
    private static readonly TextEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly IReadOnlyDictionary<string, IFluidTemplate> _templates;
    private readonly TemplateOptions _options;

    private Theme(string directory, IReadOnlyDictionary<string, IFluidTemplate> templates, IReadOnlyList<string> assets)
    {
        Directory = directory;
        _templates = templates;
        Assets = assets;
        _options = CreateOptions(directory);
    }

    /// <summary>The theme folder (absolute).</summary>
    public string Directory { get; }

    /// <summary>Asset files, relative to the theme folder with '/', e.g. <c>assets/site.css</c>, ordered.</summary>
    public IReadOnlyList<string> Assets { get; }

    /// <summary>
    /// Loads and parses every template. A missing folder, a missing template or a Liquid syntax error is reported
    /// as a THEME0xx diagnostic (located at <c>&lt;theme folder name&gt;/&lt;file&gt;</c>) and gives null.
    /// </summary>
    public static Theme? Load(string directory, DiagnosticBag diagnostics)
    {
        var full = Path.GetFullPath(directory);
        var label = Path.GetFileName(full.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        if (!System.IO.Directory.Exists(full))
        {
            diagnostics.Report(Diagnostic.Error("THEME001", $"theme folder '{directory}' does not exist", SourceLocation.File(label), "pass --theme DIR or run from the folder that holds theme/"));
            return null;
        }

        var parser = new FluidParser();
        var templates = new Dictionary<string, IFluidTemplate>(StringComparer.Ordinal);
        foreach (var name in ThemeTemplates.All)
        {
            var path = Path.Combine(full, name);
            var location = SourceLocation.File(label + "/" + name);
            if (!File.Exists(path))
            {
                diagnostics.Report(Diagnostic.Error("THEME001", $"theme template '{name}' is missing", location));
                continue;
            }

            if (parser.TryParse(File.ReadAllText(path), out var template, out var error))
            {
                templates[name] = template;
            }
            else
            {
                diagnostics.Report(Diagnostic.Error("THEME002", $"Liquid syntax error: {error}", location));
            }
        }

        // Partials are included by name at render time ({% include 'partials/x' %}); a syntax error in one is
        // reported here, at load, rather than failing every page that includes it.
        var partialsFolder = Path.Combine(full, ThemeTemplates.PartialsFolder);
        var partialsValid = true;
        if (System.IO.Directory.Exists(partialsFolder))
        {
            foreach (var partial in System.IO.Directory.EnumerateFiles(partialsFolder, "*.liquid", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (!parser.TryParse(File.ReadAllText(partial), out _, out var error))
                {
                    partialsValid = false;
                    var name = Path.GetRelativePath(full, partial).Replace('\\', '/');
                    diagnostics.Report(Diagnostic.Error("THEME002", $"Liquid syntax error: {error}", SourceLocation.File(label + "/" + name)));
                }
            }
        }

        if (templates.Count != ThemeTemplates.All.Count || !partialsValid)
        {
            return null;
        }

        var assetsFolder = Path.Combine(full, ThemeTemplates.AssetsFolder);
        var assets = System.IO.Directory.Exists(assetsFolder)
            ? System.IO.Directory.EnumerateFiles(assetsFolder, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(full, f).Replace('\\', '/'))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];
        return new Theme(full, templates, assets);
    }

    /// <summary>
    /// Renders <paramref name="templateName"/> with <paramref name="values"/> (plus <c>site</c> and <c>page</c>), then
    /// the layout around it, and returns the whole HTML document.
    /// </summary>
    public string RenderPage(string templateName, SiteView site, PageView page, IReadOnlyDictionary<string, object?> values)
    {
        var context = new TemplateContext(_options);
        context.SetValue("site", site);
        context.SetValue("page", page);
        foreach (var (name, value) in values)
        {
            context.SetValue(name, value);
        }

        var content = _templates[templateName].Render(context, Encoder);

        var layoutContext = new TemplateContext(_options);
        layoutContext.SetValue("site", site);
        layoutContext.SetValue("page", page);
        layoutContext.SetValue("content", new Fluid.Values.StringValue(content, encode: false));
        return _templates[ThemeTemplates.Layout].Render(layoutContext, Encoder).TrimEnd() + "\n";
    }

    private static TemplateOptions CreateOptions(string directory)
    {
        // Includes resolve against the theme folder (partials/…); Fluid caches each parsed include per statement.
        var options = new TemplateOptions { CultureInfo = CultureInfo.InvariantCulture, FileProvider = new PhysicalFileProvider(directory) };
        options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.SnakeCase;
        options.MemberAccessStrategy.Register<SiteView>();
        options.MemberAccessStrategy.Register<PageView>();
        options.MemberAccessStrategy.Register<LinkView>();
        options.MemberAccessStrategy.Register<GradeView>();
        options.MemberAccessStrategy.Register<RoleView>();
        options.MemberAccessStrategy.Register<FamilyView>();
        options.MemberAccessStrategy.Register<FamilySummaryView>();
        options.MemberAccessStrategy.Register<DepartmentView>();
        options.MemberAccessStrategy.Register<GradeRowView>();
        options.MemberAccessStrategy.Register<TrackTitleView>();
        options.MemberAccessStrategy.Register<Handbook.JobFamilies.Grades.GradeIndexEntry>();
        options.MemberAccessStrategy.Register<Handbook.JobFamilies.Grades.GradeIndexRole>();
        options.MemberAccessStrategy.Register<Handbook.JobFamilies.Grades.GradeTrackTitle>();
        options.MemberAccessStrategy.Register<TocEntryView>();
        options.MemberAccessStrategy.Register<GlanceRowView>();
        return options;
    }
}
