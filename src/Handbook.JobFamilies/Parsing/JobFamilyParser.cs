namespace Handbook.JobFamilies.Parsing;

using System.Text.RegularExpressions;
using Handbook.JobFamilies.Markdown;
using Handbook.JobFamilies.Model;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Limits;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

/// <summary>
/// Turns a job-family page into the model: parses the body with the site's Markdig pipeline and reads the
/// structure (sections, levels, specialties, page role, items) from the AST. Never throws for bad input.
/// </summary>
public sealed partial class JobFamilyParser
{
    private static readonly Lazy<MarkdownPipeline> DefaultPipeline = new(() => JobFamilyMarkdown.CreatePipeline());

    private readonly MarkdownPipeline _pipeline;

    // Shared by the pages this parser reads, so equal link addresses are one string (issue 9, see LinkUrlPool).
    private readonly LinkUrlPool _linkUrls = new();

    /// <summary>A parser using <paramref name="pipeline"/> (from <see cref="JobFamilyMarkdown.CreatePipeline"/>), or the default one.</summary>
    public JobFamilyParser(MarkdownPipeline? pipeline = null) => _pipeline = pipeline ?? DefaultPipeline.Value;

    public MarkdownPipeline Pipeline => _pipeline;

    /// <summary>Reads the front matter of <paramref name="text"/>, then parses the page.</summary>
    public JobFamily Parse(string sourcePath, string text, ICollection<Diagnostic> diagnostics)
    {
        var path = FamilyPath.Normalise(sourcePath);
        var frontMatter = FrontMatterReader.Read(path, text ?? string.Empty);
        foreach (var diagnostic in frontMatter.Diagnostics)
        {
            diagnostics.Add(diagnostic);
        }

        return Parse(path, frontMatter.FrontMatter, frontMatter.Body, new SourceMap(path), diagnostics);
    }

    /// <summary>
    /// Parses <paramref name="body"/> (the page text with the front-matter lines blanked and ERB already expanded;
    /// <paramref name="map"/> maps its lines back to files).
    /// </summary>
    public JobFamily Parse(string sourcePath, FrontMatter frontMatter, string body, SourceMap map, ICollection<Diagnostic> diagnostics)
    {
        var path = FamilyPath.Normalise(sourcePath);
        body ??= string.Empty;
        if (body.Contains('\0', StringComparison.Ordinal))
        {
            diagnostics.Add(Diagnostic.Error(
                "MD004",
                "the page contains NUL characters; it looks like a binary file",
                LocateFirst(body, '\0', map),
                "save the page as UTF-8 text, or move binary files out of job-families/"));
            body = body.Replace('\0', '\uFFFD');
        }

        var document = JobFamilyMarkdown.ParseWithinLimits(body, _pipeline, out var tooDeep);
        if (tooDeep)
        {
            diagnostics.Add(Diagnostic.Error(
                "LIMIT020",
                "the page nests lists, quotes or emphasis too deeply to be parsed; it is shown as plain text",
                map.Locate(0, 0),
                "nest lists and block quotes fewer than 60 levels deep"));
        }

        _linkUrls.Share(document);
        var lastLine = CountLines(body);
        var tree = SectionTree.Build(document, map, lastLine);
        FillItems(tree);
        ReportHeadingTypos(tree, diagnostics);
        ReportTemplatePlaceholders(tree, diagnostics);
        UnclosedFenceCheck.Report(document, map, lastLine, diagnostics);

        var identity = Identify(path);
        var title = ChooseTitle(path, frontMatter, document, identity.Slug, map, diagnostics);
        var roles = RoleFinder.Find(tree, title, lastLine);
        ReportEmptyLevels(tree, roles, diagnostics);
        DuplicateRoleCheck.Report(roles.Levels, roles.Levels, diagnostics);
        DuplicateRoleCheck.Report(roles.Specialties, roles.Levels, diagnostics);
        RepeatedSectionCheck.Apply([.. roles.Levels, .. roles.Specialties], diagnostics);

        var family = new JobFamily
        {
            SourcePath = path,
            Slug = identity.Slug,
            Department = identity.Department,
            Url = identity.Url,
            IsDepartmentIndex = identity.IsDepartmentIndex,
            Title = title,
            Description = frontMatter.Description,
            FrontMatter = frontMatter,
            Body = document,
            SourceMap = map,
            PageRole = roles.PageRole,
            PerformanceIndicators = roles.PerformanceIndicators,
            CareerLadder = roles.CareerLadder,
            HiringProcess = roles.HiringProcess,
        };
        family.Levels.AddRange(roles.Levels);
        family.Specialties.AddRange(roles.Specialties);
        family.Sections.AddRange(tree.Roots);
        return family;
    }

    private static FamilyPathInfo Identify(string path)
    {
        if (FamilyPath.TryParse(path, out var info))
        {
            return info;
        }

        // Not under job-families/ (a test or a preview of a single file): derive what we can from the path.
        var stem = path;
        foreach (var extension in new[] { "/index.html.md.erb", "/index.html.md", "/index.md", ".html.md.erb", ".html.md", ".md.erb", ".md" })
        {
            if (stem.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                stem = stem[..^extension.Length];
                break;
            }
        }

        var slug = stem.Trim('/');
        var department = slug.Contains('/', StringComparison.Ordinal) ? slug[..slug.IndexOf('/', StringComparison.Ordinal)] : slug;
        return new FamilyPathInfo(path, slug, department, FamilyPath.UrlOf(slug), !slug.Contains('/', StringComparison.Ordinal), false, path.EndsWith(".erb", StringComparison.OrdinalIgnoreCase));
    }

    private static string ChooseTitle(string path, FrontMatter frontMatter, MarkdownDocument document, string slug, SourceMap map, ICollection<Diagnostic> diagnostics)
    {
        if (!string.IsNullOrWhiteSpace(frontMatter.Title))
        {
            return frontMatter.Title;
        }

        var h1 = document.OfType<HeadingBlock>().FirstOrDefault(h => h.Level == 1);
        var h1Text = h1 is null ? string.Empty : InlineText.Of(h1);
        if (h1 is not null && h1Text.Length > 0)
        {
            diagnostics.Add(Diagnostic.Warning(
                "FM011",
                $"the page has no title in its front matter; using its first heading '{h1Text}'",
                map.Locate(h1.Line, h1.Column),
                $"add 'title: \"{h1Text}\"' to the front matter"));
            return h1Text;
        }

        var fallback = TitleFromSlug(slug);
        diagnostics.Add(Diagnostic.Error(
            "FM010",
            document.Count == 0 ? "the page is empty: it has no title and no content" : "the page has no title",
            SourceLocation.File(path),
            $"start the page with three lines: '---', 'title: \"{fallback}\"', '---'"));
        return fallback;
    }

    /// <summary>"sales/solutions-architect" → "Solutions Architect".</summary>
    private static string TitleFromSlug(string slug)
    {
        var last = slug.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "Untitled";
        var words = last.Split(['-', '_'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => char.ToUpperInvariant(w[0]) + w[1..]);
        var title = string.Join(' ', words);
        return title.Length == 0 ? "Untitled" : title;
    }

    /// <summary>
    /// The bullets of each section's own lists; a role section (Responsibilities, Requirements…) also collects the
    /// bullets under its untitled-kind sub-headings ("#### Who, Where and Why" under "### Responsibilities") and under
    /// sub-headings of its own kind ("**Team responsibilities**" under "#### Manager - Responsibilities").
    /// </summary>
    private static void FillItems(SectionTree tree)
    {
        foreach (var section in tree.All)
        {
            AddItemsOf(section.Blocks, tree.Map, section.Items);
        }

        foreach (var section in tree.All)
        {
            if (tree.ClassOf(section).IsRoleSection)
            {
                AddOtherDescendantsItems(section, section.Items);
            }
        }
    }

    /// <summary>
    /// The items of the <see cref="SectionKind.Other"/> and same-kind sub-sections of <paramref name="section"/>
    /// (depth first), as new items copied from the sub-sections' own lists, so their text is not worked out a second
    /// time.
    /// </summary>
    private static void AddOtherDescendantsItems(Section section, List<Item> items)
    {
        foreach (var child in section.Children)
        {
            // A sub-heading of the same kind ("**Team responsibilities**" as the first line under "#### Manager -
            // Responsibilities") names a part of the section, so its bullets are the section's too.
            if (child.Kind != SectionKind.Other && child.Kind != section.Kind)
            {
                continue;
            }

            foreach (var item in child.Items)
            {
                items.Add(new Item { Text = item.Text, Location = item.Location, Block = item.Block });
            }

            AddOtherDescendantsItems(child, items);
        }
    }

    private static void AddItemsOf(List<Block> blocks, SourceMap map, List<Item> items)
    {
        foreach (var block in blocks)
        {
            if (block is not ListBlock list)
            {
                continue;
            }

            foreach (var child in list)
            {
                if (child is ListItemBlock listItem && InlineText.Of(listItem) is { Length: > 0 } text)
                {
                    items.Add(new Item { Text = text, Location = map.Locate(listItem.Line, listItem.Column), Block = listItem });
                }
            }
        }
    }

    private static void ReportHeadingTypos(SectionTree tree, ICollection<Diagnostic> diagnostics)
    {
        foreach (var section in tree.All)
        {
            var classification = tree.ClassOf(section);
            if (classification.Misspelt is not null)
            {
                diagnostics.Add(Diagnostic.Warning(
                    "MD002",
                    $"heading '{section.Title}' is read as {classification.Kind} but '{classification.Misspelt}' is misspelt",
                    section.Location,
                    $"did you mean '{classification.Suggestion}'?"));
            }
        }
    }

    /// <summary>
    /// GitLab's job-family template marks what to fill in as "{add …}" ("### {add name of level …}", "#### {add Level}
    /// Job Grade"). Headings still holding one are read like any heading (so the template's levels show as levels),
    /// but a page published that way is almost certainly unfinished: one warning, at the first such heading.
    /// </summary>
    private static void ReportTemplatePlaceholders(SectionTree tree, ICollection<Diagnostic> diagnostics)
    {
        var placeholders = tree.All.Where(s => TemplatePlaceholder().IsMatch(s.Title)).ToList();
        if (placeholders.Count == 0)
        {
            return;
        }

        var first = placeholders[0];
        var more = placeholders.Count > 1 ? $" (and {placeholders.Count - 1} more heading{(placeholders.Count > 2 ? "s" : string.Empty)})" : string.Empty;
        diagnostics.Add(Diagnostic.Warning(
            "MD005",
            $"heading '{first.Title}' is a placeholder of the job-family template{more}",
            first.Location,
            "replace each '{add …}' with the real name or text, or delete the parts of the template the page does not use"));
    }

    [GeneratedRegex(@"\{\s*add\b[^{}]*\}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex TemplatePlaceholder();

    /// <summary>True when a heading still holds a "{add …}" placeholder of GitLab's job-family template (MD005).</summary>
    internal static bool HoldsTemplatePlaceholder(string title) => TemplatePlaceholder().IsMatch(title);

    private static void ReportEmptyLevels(SectionTree tree, RoleFinder roles, ICollection<Diagnostic> diagnostics)
    {
        if (roles.Levels.Count > 0)
        {
            return;
        }

        // A "Levels" heading over a list of links points at other pages; so does one over a sentence linking to another
        // page ("Widget levels follow those of our [Gadget roles](/job-families/…#levels).").
        // Only an empty one is suspicious.
        var levels = tree.All.FirstOrDefault(s => s.Kind == SectionKind.Levels && s.Items.Count == 0 && !LinksToAnotherPage(s));
        if (levels is not null)
        {
            diagnostics.Add(Diagnostic.Warning(
                "MD001",
                $"the '{levels.Title}' heading has no levels under it",
                levels.Location,
                $"put each level under it as a heading one level deeper, e.g. '{new string('#', Math.Min(6, levels.HeadingLevel + 1))} Senior …'"));
        }
    }

    /// <summary>Whether the section's own text (not its sub-headings') holds a link to another page (not an in-page anchor).</summary>
    private static bool LinksToAnotherPage(Section section)
    {
        foreach (var block in section.Blocks)
        {
            // Markdig's Descendants() of a leaf block does not enter its inlines: start from them.
            var links = block is LeafBlock { Inline: { } inline } ? inline.Descendants<LinkInline>() : block.Descendants<LinkInline>();
            foreach (var link in links)
            {
                if (!link.IsImage && link.Url is { Length: > 0 } url && url[0] != '#')
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static SourceLocation LocateFirst(string text, char c, SourceMap map)
    {
        var index = text.IndexOf(c, StringComparison.Ordinal);
        var line = 0;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return map.Locate(line, index - lineStart);
    }

    private static int CountLines(string text)
    {
        if (text.Length == 0)
        {
            return 1;
        }

        var lines = 1;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                lines++;
            }
        }

        return text.EndsWith('\n') ? lines - 1 : lines;
    }
}
