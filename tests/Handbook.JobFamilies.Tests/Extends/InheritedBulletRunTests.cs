namespace Handbook.JobFamilies.Tests.Extends;

using Handbook.JobFamilies.Extends;
using Handbook.JobFamilies.Links;
using Handbook.JobFamilies.Model;
using Handbook.JobFamilies.Parsing;
using Handbook.JobFamilies.Sanitizing;
using Handbook.Pipeline.Diagnostics;
using Handbook.Testing;
using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Xunit.Abstractions;

/// <summary>
/// Inherited bullets shown in place (<see cref="InheritedBulletRun"/>) must be indistinguishable from the marked deep
/// copies they replace, for every reader of the tree after expansion: the HTML renderer, the sanitiser's choice of
/// path (<see cref="RawHtmlScope"/>) and its result, the links the link check and the export read
/// (<see cref="LinkFinder"/>, <see cref="CareerLadderLinkFinder"/>). The oracle is the slow path itself: every shown
/// bullet of the expanded pages is swapped for its copy (<see cref="InheritedBulletRun.Materialize"/>, the copy the
/// pass made before), and each reader must give the same answer on both trees.
/// </summary>
public sealed class InheritedBulletRunTests(ITestOutputHelper output)
{
    private static readonly MarkdownPipeline Pipeline = JobFamiliesPlugin.CreatePipeline(new JobFamiliesOptions());

    /// <summary>A level whose bullets use every inline the copy knows, plus one of each kind a copy must make instead.</summary>
    private const string Source = """
        ---
        title: Lamp Lighter
        ---

        ## Levels

        ### Lamp Lighter (Intermediate)

        #### Lamp Lighter (Intermediate) Responsibilities

        * Light *every* **lamp** with `wick & "oil"` and [the guide](https://example.com/guide?a=1&b=2 "Guide & more")
        * Report to <https://lamps.example/report> or <ops@lamps.example>, see ![a lamp](/images/lamp.png)
        * Keep <span class="note">raw</span> HTML &amp; entities &copy; and <a href="/job-families/light/missing/">an HTML link</a>
        * A soft
          line break and a hard\
          one
        * A [reference link][guide] and a [[/job-families/light/lamp-lighter/#senior-lamp-lighter|wiki]]
        * A styled [link](/job-families/light/lamp-lighter/){: .special}
        * A bullet with its own list
          * nested one
          * nested two
        * A first paragraph

          and a second one after a blank line

        [guide]: https://example.com/reference

        ### Senior Lamp Lighter

        #### Senior Lamp Lighter Responsibilities

        * Extends the Lamp Lighter (Intermediate) responsibilities
        * Train new lighters

        ### Staff Lamp Lighter

        #### Staff Lamp Lighter Responsibilities

        Extends that of the Senior Lamp Lighter responsibilities.

        1. Plan the rounds

           loosely
        2. Check the lamps
        """;

    /// <summary>A page inheriting across pages, in a loose list, and from a choice of two levels.</summary>
    private const string Other = """
        ---
        title: Lamp Chief & <Lead>
        ---

        ## Levels

        ### Lamp Chief

        #### Lamp Chief Responsibilities

        * Extends that of the [Staff Lamp Lighter](/job-families/light/lamp-lighter/#staff-lamp-lighter) responsibilities

        * Lead the night crew

        ### Lamp Chief (Specialty)

        #### Lamp Chief (Specialty) Responsibilities

        * Extends that of the Lamp Chief or the [Lamp Lighter (Intermediate)](/job-families/light/lamp-lighter/#lamp-lighter-intermediate) responsibilities
        * Polish the brass

        ## Career Ladder

        * Extends that of the [Senior Lamp Lighter](/job-families/light/lamp-lighter/#senior-lamp-lighter) responsibilities
        """;

    [Fact]
    public void Shown_bullets_read_like_their_copies_for_every_reader()
    {
        // Given two pages whose levels inherit bullets of every shape, within a page, across pages and as a choice
        var families = Expand(("job-families/light/lamp-lighter.md", Source), ("job-families/light/lamp-chief.md", Other));

        // Then bullets are shown in place, and those a copy cannot reproduce from the source's own nodes are copied
        var shown = families.SelectMany(f => f.Body.Descendants<InheritedBulletRun>()).SelectMany(r => r.Bullets).ToList();
        Assert.True(shown.Count >= 10, $"only {shown.Count} bullets shown in place");
        Assert.DoesNotContain(shown, s => s.Source.Descendants<ListBlock>().Any());
        Assert.Contains(families.SelectMany(f => f.Body.Descendants<InheritedBulletRun>()), r => r.Bullets.Count > 1);
        Assert.Contains(families[1].Body.Descendants<ListItemBlock>(), IsMarkedCopy);
        Assert.Contains(families[0].Body.Descendants<ListItemBlock>(), IsMarkedCopy);

        // And every reader answers the same as on the tree where each of them is the marked copy
        AssertReadersSeeTheCopies(families);
    }

    [Fact]
    public void A_bullet_with_attributes_or_a_nested_list_is_copied_and_a_plain_one_is_shown()
    {
        var doc = Markdig.Markdown.Parse("* plain *text* [x](/y)\n* styled [x](/y){: .c}\n* with\n  * nested\n* \n", Pipeline);
        var items = doc.Descendants<ListItemBlock>().Where(i => i.Parent?.Parent is MarkdownDocument).ToList();

        Assert.True(InheritedBulletRun.CanShow(items[0]));
        Assert.False(InheritedBulletRun.CanShow(items[1]));
        Assert.False(InheritedBulletRun.CanShow(items[2]));
        Assert.False(InheritedBulletRun.CanShow(items[3]));
    }

    [CorpusFact]
    public void On_the_real_pages_shown_bullets_read_like_their_copies()
    {
        // Given the 171 real pages, expanded with the site's pipeline
        var parser = new JobFamilyParser(Pipeline);
        var families = ExtendsCorpusTests.Manifest()
            .Select(p => parser.Parse(p.Original, File.ReadAllText(Path.Combine(SharedCorpus.PathOf("gitlab-job-families"), p.Saved)), new List<Diagnostic>()))
            .ToList();
        new ExpandExtends(new FamilyLookup(families)).Run(families, new DiagnosticBag());
        var shown = families.Sum(f => f.Body.Descendants<InheritedBulletRun>().Sum(r => r.Bullets.Count));
        output.WriteLine($"{shown} bullets shown in place, {families.Sum(f => f.Body.Descendants<ListItemBlock>().Count(IsMarkedCopy))} copied");
        Assert.True(shown > 100);

        // Then every reader answers the same as on the tree of copies
        AssertReadersSeeTheCopies(families);
    }

    [Fact]
    public void Shown_bullets_render_as_Markdigs_list_renderer_renders_their_copies()
    {
        // Given two pages whose levels inherit bullets of every shape
        var families = Expand(("job-families/light/lamp-lighter.md", Source), ("job-families/light/lamp-chief.md", Other));
        Assert.True(families.Sum(f => f.Body.Descendants<InheritedBulletRun>().Sum(r => r.Bullets.Count)) >= 10);

        // Then each page renders as when each shown bullet is its marked copy (a plain list item with its attributes in
        // Markdig's data store, the nodes the pass once made), rendered by Markdig's own list renderer
        AssertListsRenderAsWithMarkdigsListRenderer(families);
    }

    [CorpusFact]
    public void On_the_real_pages_lists_render_as_with_Markdigs_list_renderer()
    {
        // Given the 171 real pages (every kind of list they hold: ordered, loose, nested, with attributes), expanded
        var parser = new JobFamilyParser(Pipeline);
        var families = ExtendsCorpusTests.Manifest()
            .Select(p => parser.Parse(p.Original, File.ReadAllText(Path.Combine(SharedCorpus.PathOf("gitlab-job-families"), p.Saved)), new List<Diagnostic>()))
            .ToList();
        new ExpandExtends(new FamilyLookup(families)).Run(families, new DiagnosticBag());
        Assert.True(families.Sum(f => f.Body.Descendants<InheritedBulletRun>().Sum(r => r.Bullets.Count)) > 100);

        // Then every page renders as with Markdig's list renderer and the attributes in its data store
        AssertListsRenderAsWithMarkdigsListRenderer(families);
    }

    private static void AssertListsRenderAsWithMarkdigsListRenderer(List<JobFamily> families)
    {
        foreach (var family in families)
        {
            var site = RenderWith(family.Body, markdigsListRenderer: false);
            Assert.Equal(JobFamilyMarkdown.RenderHtml(family.Body, Pipeline), site);
            ReplaceShownBulletsWithCopies(family);
            Assert.Empty(family.Body.Descendants<InheritedBulletRun>());
            Assert.Equal(site, RenderWith(family.Body, markdigsListRenderer: true));
        }
    }

    /// <summary>The site's renderer, or the same with Markdig's own <see cref="ListRenderer"/> in place of the site's.</summary>
    private static string RenderWith(MarkdownDocument document, bool markdigsListRenderer)
    {
        using var writer = new StringWriter();
        var renderer = new Markdig.Renderers.HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        if (markdigsListRenderer)
        {
            Assert.True(renderer.ObjectRenderers.Replace<InheritedListRenderer>(new ListRenderer()));
        }

        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    private static List<JobFamily> Expand(params (string Path, string Text)[] pages)
    {
        var parser = new JobFamilyParser(Pipeline);
        var families = pages.Select(p => parser.Parse(p.Path, p.Text, new List<Diagnostic>())).ToList();
        var diagnostics = new DiagnosticBag();
        new ExpandExtends(new FamilyLookup(families)).Run(families, diagnostics);
        Assert.DoesNotContain(diagnostics.Sorted(), d => d.Code.StartsWith("EXTENDS", StringComparison.Ordinal));
        return families;
    }

    private static bool IsMarkedCopy(ListItemBlock item) =>
        item is not InheritedBulletRun && item.TryGetAttributes()?.Classes?.Contains("inherited") == true && item.Count > 0;

    private static void AssertReadersSeeTheCopies(List<JobFamily> families)
    {
        var shownReadings = families.Select(Read).ToList();
        foreach (var family in families)
        {
            ReplaceShownBulletsWithCopies(family);
            Assert.Empty(family.Body.Descendants<InheritedBulletRun>());
        }

        var copiedReadings = families.Select(Read).ToList();
        for (var i = 0; i < families.Count; i++)
        {
            var (shown, copied) = (shownReadings[i], copiedReadings[i]);
            Assert.Equal(copied.Html, shown.Html);
            Assert.Equal(copied.Sanitized, shown.Sanitized);
            Assert.Equal(copied.PhrasingOnly, shown.PhrasingOnly);
            Assert.Equal(copied.Links, shown.Links);
            Assert.Equal(copied.LadderLinks, shown.LadderLinks);
        }
    }

    private sealed record Reading(string Html, string Sanitized, bool PhrasingOnly, IReadOnlyList<FoundLink> Links, IReadOnlyList<LabeledLink> LadderLinks);

    private static Reading Read(JobFamily family)
    {
        var html = JobFamilyMarkdown.RenderHtml(family.Body, Pipeline);
        return new Reading(
            html,
            ContentSanitizer.Sanitize(family.Body, html),
            RawHtmlScope.HasNoNomarkdownBlock(family.Body),
            LinkFinder.Find(family),
            CareerLadderLinkFinder.Find(family.CareerLadder));
    }

    /// <summary>
    /// The slow path: each run of shown bullets is replaced by their marked copies (plain list items with the copied
    /// nodes, the marker and their attributes in Markdig's data store), at the same place in its list, and each of the
    /// model's items that pointed at the run points at its own copy (in order: the run's bullets are its items').
    /// </summary>
    private static void ReplaceShownBulletsWithCopies(JobFamily family)
    {
        var copies = new Dictionary<ListItemBlock, Queue<ListItemBlock>>(ReferenceEqualityComparer.Instance);
        foreach (var run in family.Body.Descendants<InheritedBulletRun>().ToList())
        {
            var list = run.Parent!;
            var index = list.IndexOf(run);
            list.RemoveAt(index);
            var made = new Queue<ListItemBlock>();
            for (var i = 0; i < run.Bullets.Count; i++)
            {
                var copy = run.Materialize(i);
                var origin = run.Bullets[i].Origin;
                Assert.Equal(copy.GetAttributes().Classes, origin.Attributes.Classes);
                Assert.Equal(copy.GetAttributes().Properties, origin.Attributes.Properties);
                Assert.Equal((run.Line, run.Column), (copy.Line, copy.Column));
                list.Insert(index + i, copy);
                made.Enqueue(copy);
            }

            copies.Add(run, made);
        }

        // The model's inherited items point at their list items (the link finder skips them by these blocks).
        foreach (var section in AllSections(family))
        {
            for (var i = 0; i < section.Items.Count; i++)
            {
                var item = section.Items[i];
                if (item.Block is { } block && copies.TryGetValue(block, out var made))
                {
                    section.Items[i] = new Item { Text = item.Text, Location = item.Location, Block = made.Dequeue(), InheritedFrom = item.InheritedFrom };
                }
            }
        }

        // A run's bullets are all in the model (a statement's) or none (a choice's alternatives).
        Assert.All(copies, c => Assert.True(c.Value.Count == 0 || c.Value.Count == ((InheritedBulletRun)c.Key).Bullets.Count));
    }

    private static HashSet<Section> AllSections(JobFamily family)
    {
        var all = new HashSet<Section>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<Section>(family.Sections.Concat(family.Roles.SelectMany(r => r.Sections)));
        while (pending.TryPop(out var section))
        {
            if (all.Add(section))
            {
                foreach (var child in section.Children)
                {
                    pending.Push(child);
                }
            }
        }

        return all;
    }
}
