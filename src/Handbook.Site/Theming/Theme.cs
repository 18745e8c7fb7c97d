namespace Handbook.Site.Theming;

using System.Globalization;
using System.Text;
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

    private Theme(string directory, IReadOnlyDictionary<string, IFluidTemplate> templates, IReadOnlyList<string> assets, TemplateOptions options)
    {
        Directory = directory;
        _templates = templates;
        Assets = assets;
        _options = options;
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

        // The options (member registrations of every view type: reflection, type loading) do not depend on the
        // templates, so they are made on another thread while this one builds the parser and parses: both are start-up
        // work a build does before it reads its first page, with the second core idle (issue 9).
        var options = Task.Run(() => CreateOptions(full));
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

        var partialsOk = CheckPartials(full, label, parser, diagnostics);
        if (templates.Count != ThemeTemplates.All.Count || !partialsOk)
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
        return new Theme(full, templates, assets, options.GetAwaiter().GetResult());
    }

    /// <summary>
    /// Renders <paramref name="templateName"/> with <paramref name="values"/> (plus <c>site</c> and <c>page</c>), then
    /// the layout around it, and returns the whole HTML document.
    /// </summary>
    /// <remarks>
    /// Both renders write into this thread's reused buffers (<see cref="PageBuffers"/>): a page is the size of its
    /// body HTML, and rendering through fresh strings copied it six times (fragment builder and string, layout
    /// builder and string, <c>TrimEnd</c>, <c>+ "\n"</c>). Now the page is copied into one string at the end.
    /// </remarks>
    public string RenderPage(string templateName, SiteView site, PageView page, IReadOnlyDictionary<string, object?> values) =>
        new(RenderPageBuffered(templateName, site, page, values).Span);

    /// <summary>
    /// <see cref="RenderPage"/> without the string: the page's text in this thread's page buffer, valid until this
    /// thread renders its next page. A one-shot build stages it from there (scanned, encoded to UTF-8 and written)
    /// without ever holding the page as a string (issue 9).
    /// </summary>
    public ReadOnlyMemory<char> RenderPageBuffered(string templateName, SiteView site, PageView page, IReadOnlyDictionary<string, object?> values)
    {
        var buffers = PageBuffers.ForThisThread();
        var content = buffers.Fragment;
        content.Clear();
        RenderInto(content, templateName, site, page, values);

        var layoutContext = new TemplateContext(_options);
        layoutContext.SetValue("site", site);
        layoutContext.SetValue("page", page);
        layoutContext.SetValue("content", new BufferedHtmlValue(content));
        var html = buffers.Page;
        html.Clear();
        Wait(_templates[ThemeTemplates.Layout].RenderAsync(html, layoutContext, Encoder));

        // The page ends with exactly one newline, whatever whitespace the layout leaves (as TrimEnd() + "\n" did).
        var end = html.Length;
        while (end > 0 && char.IsWhiteSpace(html.Text[end - 1]))
        {
            end--;
        }

        html.Truncate(end);
        html.Write('\n');
        var result = html.Memory;

        // A buffer outgrown by this page is replaced for the next one; the memory handed out still refers to it.
        buffers.Trim();
        return result;
    }

    /// <summary>
    /// Renders <paramref name="templateName"/> alone, without the layout: a part of a page that another template
    /// places (a historic page shows <c>job-family.liquid</c>'s output under its version banner).
    /// </summary>
    public string RenderFragment(string templateName, SiteView site, PageView page, IReadOnlyDictionary<string, object?> values)
    {
        var fragment = new StringBuilder();
        RenderInto(fragment, templateName, site, page, values);
        return fragment.ToString();
    }

    /// <summary>
    /// Renders <paramref name="templateName"/> alone into <paramref name="output"/> (appended): a caller that places
    /// many fragments reuses one buffer and hands it to the next template as <see cref="BufferedHtmlValue"/> instead
    /// of copying each fragment into a string (versioned pages, issue 9).
    /// </summary>
    public void RenderFragment(StringBuilder output, string templateName, SiteView site, PageView page, IReadOnlyDictionary<string, object?> values)
    {
        ArgumentNullException.ThrowIfNull(output);
        RenderInto(output, templateName, site, page, values);
    }

    private void RenderInto(StringBuilder output, string templateName, SiteView site, PageView page, IReadOnlyDictionary<string, object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var context = new TemplateContext(_options);
        context.SetValue("site", site);
        context.SetValue("page", page);
        foreach (var (name, value) in values)
        {
            context.SetValue(name, value);
        }

        using var writer = new StringWriter(output, CultureInfo.InvariantCulture);
        Wait(_templates[templateName].RenderAsync(writer, context, Encoder));
    }

    /// <summary>Completes a render synchronously (templates read partials from disk, the only thing that may not complete at once).</summary>
    private static void Wait(ValueTask render)
    {
        if (!render.IsCompletedSuccessfully)
        {
            render.AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>Parses every partial once, so a Liquid error in one is a THEME002 at load, not a failure while rendering.</summary>
    private static bool CheckPartials(string full, string label, FluidParser parser, DiagnosticBag diagnostics)
    {
        var folder = Path.Combine(full, ThemeTemplates.PartialsFolder);
        if (!System.IO.Directory.Exists(folder))
        {
            return true;
        }

        var ok = true;
        foreach (var path in System.IO.Directory.EnumerateFiles(folder, "*.liquid", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (!parser.TryParse(File.ReadAllText(path), out _, out var error))
            {
                var name = Path.GetRelativePath(full, path).Replace('\\', '/');
                diagnostics.Report(Diagnostic.Error("THEME002", $"Liquid syntax error: {error}", SourceLocation.File(label + "/" + name)));
                ok = false;
            }
        }

        return ok;
    }

    private static TemplateOptions CreateOptions(string directory)
    {
        // Partials resolve against the theme folder: {% render 'partials/search-box' %} reads partials/search-box.liquid.
        // Each path is looked up on disk once per theme (MemoizedThemeFiles), not on every include.
        var files = new MemoizedThemeFiles(new PhysicalFileProvider(directory));
        var options = new TemplateOptions { CultureInfo = CultureInfo.InvariantCulture, FileProvider = files };
        options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.SnakeCase;
        ViewMemberAccessors.RegisterPageViews(options.MemberAccessStrategy);
        ViewMemberAccessors.RegisterVersionViews(options.MemberAccessStrategy);
        ReaderPageViews.Register(options.MemberAccessStrategy);
        Utf8BodyBinding.Register(options);
        return options;
    }
}
