namespace Handbook.Site.Tests.Memory;

using Handbook.JobFamilies;
using Handbook.JobFamilies.Model;
using Handbook.JobFamilies.Parsing;
using Handbook.JobFamilies.Stages;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;
using Handbook.Site.Building;
using Handbook.Site.Tests.Corpus;
using Handbook.Site.Tests.Support;
using Handbook.Testing;
using Xunit.Abstractions;

/// <summary>
/// A one-shot build lets each page's file text go as soon as its front matter is read
/// (<see cref="JobFamiliesOptions.ReleasesSourceText"/>) and keeps rendered bodies as UTF-8 until the theme places them
/// (<see cref="JobFamiliesOptions.KeepsBodyHtmlAsUtf8"/>). These tests compare both with the path the preview keeps
/// (the file text and a UTF-16 body), on the sample and the real pages; <see cref="OneShotBuildTests"/> compares the
/// whole output.
/// </summary>
public class PageTextReleaseTests(ITestOutputHelper output)
{
    private static readonly string SampleInput = Path.Combine(SharedCorpus.RepositoryRoot, "input");

    [Fact]
    public async Task Given_the_sample_pages_When_bodies_are_kept_as_UTF8_Then_each_reads_back_as_the_string_body() =>
        Assert.True(await AssertUtf8BodiesEqualStringBodiesAsync(SampleInput) > 0);

    [CorpusFact]
    public async Task Given_the_real_pages_When_bodies_are_kept_as_UTF8_Then_each_reads_back_as_the_string_body()
    {
        using var folder = new TempFolder();
        CorpusBuildTests.LayOutCorpus(folder);
        CorpusBuildTests.ImportGrades(folder);

        var compared = await AssertUtf8BodiesEqualStringBodiesAsync(folder["input"]);

        output.WriteLine($"{compared} bodies compared");
        Assert.True(compared >= 171);
    }

    [Fact]
    public void Given_a_body_with_characters_beyond_ASCII_When_kept_as_UTF8_Then_it_reads_back_unchanged()
    {
        // Given a body with accents, a CJK character, an emoji (a surrogate pair) and a CRLF
        const string Html = "<p>Équipe – 团队 🚀\r\n&amp; fin</p>\n";
        var document = Document.FromSource("job-families/x.md", string.Empty)
            .With(JobFamilyKeys.BodyHtml, string.Empty)
            .With(JobFamilyKeys.BodyHtmlUtf8, RenderedBody.Encode(Html));

        // When / Then
        Assert.True(RenderedBody.TryGet(document, out var body));
        Assert.Equal(Html, body);
    }

    [Fact]
    public void Given_documents_with_and_without_a_body_When_read_Then_the_string_body_is_used_and_a_page_without_one_has_none()
    {
        var plain = Document.FromSource("job-families/a.md", string.Empty).With(JobFamilyKeys.BodyHtml, "<p>a</p>");
        var released = Document.FromSource("job-families/b.md", string.Empty).With(JobFamilyKeys.BodyHtml, string.Empty);
        var none = Document.FromSource("job-families/c.md", "text");

        Assert.True(RenderedBody.TryGet(plain, out var plainBody));
        Assert.Equal("<p>a</p>", plainBody);
        Assert.True(RenderedBody.TryGet(released, out var releasedBody));
        Assert.Empty(releasedBody);
        Assert.False(RenderedBody.TryGet(none, out _));
    }

    [Fact]
    public async Task Given_the_sample_pages_When_front_matter_is_read_releasing_the_source_text_Then_ERB_and_parsing_give_the_same_and_the_page_texts_are_empty()
    {
        // Given the sample's files (ERB pages that include partials and list other pages)
        var options = new JobFamiliesOptions();
        var parser = new JobFamilyParser(JobFamiliesPlugin.CreatePipeline(options));
        IReadOnlyList<Document> files = await new Handbook.Pipeline.IO.ReadFiles(SampleInput, Handbook.Site.Building.InputFiles.Text).ExecuteAsync([], Context());

        // When read keeping and releasing the file text, then ERB-expanded and parsed
        var keptDiagnostics = new Handbook.Pipeline.Diagnostics.DiagnosticBag();
        var releasedDiagnostics = new Handbook.Pipeline.Diagnostics.DiagnosticBag();
        var keptRead = await new ReadFrontMatter().ExecuteAsync(files, Context(keptDiagnostics));
        var releasedRead = await new ReadFrontMatter(releasesSourceText: true).ExecuteAsync(files, Context(releasedDiagnostics));
        var kept = await new ParseJobFamilies(parser).ExecuteAsync(await new ExpandErb().ExecuteAsync(keptRead, Context(keptDiagnostics)), Context(keptDiagnostics));
        var released = await new ParseJobFamilies(parser).ExecuteAsync(await new ExpandErb().ExecuteAsync(releasedRead, Context(releasedDiagnostics)), Context(releasedDiagnostics));

        // Then the pages' texts are empty from the first stage on, other documents keep theirs, and ERB (partials
        // included) and parsing see no difference: same expanded bodies, families and diagnostics
        var pages = releasedRead.Where(d => d.Metadata.Contains(JobFamilyKeys.PathInfo)).ToList();
        Assert.Contains(pages, p => p.Get(JobFamilyKeys.PathInfo).IsErb);
        Assert.All(pages, p => Assert.Empty(p.Content));
        Assert.All(keptRead.Where(d => d.Metadata.Contains(JobFamilyKeys.PathInfo)), p => Assert.NotEmpty(p.Content));
        Assert.Equal(
            keptRead.Where(d => !d.Metadata.Contains(JobFamilyKeys.PathInfo)).Select(d => d.Content),
            releasedRead.Where(d => !d.Metadata.Contains(JobFamilyKeys.PathInfo)).Select(d => d.Content));
        Assert.Equal(kept.Select(Body), released.Select(Body));
        var recruiter = released.Single(d => d.SourcePath == "job-families/people-group/recruiter/index.html.md.erb");
        Assert.Contains("Interviews run in the order below", Body(recruiter), StringComparison.Ordinal); // includes/_hiring-process.md
        Assert.Equal(kept.Select(d => Outline(d)), released.Select(d => Outline(d)));
        Assert.Equal(keptDiagnostics.Sorted(), releasedDiagnostics.Sorted());
    }

    /// <summary>Renders every body of a kept build again as a string and as UTF-8 and compares them; returns how many.</summary>
    private static async Task<int> AssertUtf8BodiesEqualStringBodiesAsync(string input)
    {
        var request = new BuildRequest { InputFolder = input, OutputFolder = "unused", ThemeFolder = TestTheme.Folder, WriteOutput = false, History = false };
        var site = SiteBuild.Compose(request, TestTheme.Instance, new SiteSettings());
        var documents = (await site.RunAsync([])).Documents.Where(d => d.Metadata.Contains(JobFamilyKeys.Family)).ToList();
        var pipeline = site.Services.Get<Markdig.MarkdownPipeline>();

        var asStrings = await new RenderBodyHtml(pipeline).ExecuteAsync(documents, Context());
        var asUtf8 = await new RenderBodyHtml(pipeline, keepsBodyAsUtf8: true).ExecuteAsync(documents, Context());

        Assert.Equal(asStrings.Count, asUtf8.Count);
        for (var i = 0; i < asStrings.Count; i++)
        {
            Assert.Empty(asUtf8[i].Get(JobFamilyKeys.BodyHtml));
            Assert.True(RenderedBody.TryGet(asUtf8[i], out var body), asUtf8[i].SourcePath);
            Assert.Equal(asStrings[i].Get(JobFamilyKeys.BodyHtml), body);
        }

        return asStrings.Count;
    }

    private static string Outline(Document document)
    {
        if (!document.TryGet(JobFamilyKeys.Family, out var family))
        {
            return document.SourcePath;
        }

        var roles = family.Roles.Select(r => $"{r.Kind} {r.Name} #{r.Anchor} {r.StartLine}-{r.EndLine}: " + string.Join(" | ", r.Sections.SelectMany(s => s.Items).Select(i => i.Text)));
        return $"{family.SourcePath} {family.Title} {family.Body.Count} blocks\n" + string.Join("\n", roles);
    }

    private static string Body(Document document) =>
        document.TryGet(JobFamilyKeys.MarkdownBody, out var body) ? body : document.SourcePath;

    private static StageContext Context() => Context(new Handbook.Pipeline.Diagnostics.DiagnosticBag());

    private static StageContext Context(Handbook.Pipeline.Diagnostics.DiagnosticBag diagnostics) => new(diagnostics, new ServiceRegistry(), CancellationToken.None);
}
