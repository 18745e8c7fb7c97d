namespace Handbook.Site.Tests.Caching;

using System.Diagnostics;
using System.Text;
using Handbook.JobFamilies;
using Handbook.JobFamilies.Model;
using Handbook.JobFamilies.Reuse;
using Handbook.JobFamilies.Stages;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;
using Handbook.Site.Building;
using Handbook.Site.Caching;
using Handbook.Site.Tests.Corpus;
using Handbook.Site.Tests.Support;
using Handbook.Testing;
using Xunit.Abstractions;

/// <summary>
/// A family restored from its stored state (<see cref="FamilyStateCodec"/>) renders what the built family renders:
/// a build whose families are all written and read back right after <c>RenderBodyHtml</c> gives the same output files,
/// byte for byte, and the same diagnostics as the build itself. The restored families have no Markdown tree at all
/// (an empty body, no heading, block or item block), so the equal output is also the proof that no stage after
/// <c>RenderBodyHtml</c> reads a Markdig object from the model: the theme, compare and ladder pages, search index,
/// export, sitemap, <c>_headers</c> and the link check all ran on restored families.
/// </summary>
public sealed class FamilyStateRoundTripTests(ITestOutputHelper output)
{
    private static readonly string SampleInput = Path.Combine(SharedCorpus.RepositoryRoot, "input");

    [Fact]
    public async Task Given_the_sample_input_When_every_family_is_stored_and_restored_after_RenderBodyHtml_Then_the_site_is_the_same()
    {
        var restored = await AssertRestoredFamiliesBuildTheSameSiteAsync(SampleInput);

        Assert.True(restored.Count >= 10, $"only {restored.Count} sample families were restored");
    }

    [CorpusFact]
    public async Task Given_the_real_corpus_When_every_family_is_stored_and_restored_after_RenderBodyHtml_Then_the_site_is_the_same()
    {
        using var folder = new TempFolder();
        CorpusBuildTests.LayOutCorpus(folder);
        CorpusBuildTests.ImportGrades(folder);

        var restored = await AssertRestoredFamiliesBuildTheSameSiteAsync(folder["input"]);

        output.WriteLine($"{restored.Count} families stored, restored and built into the same site: {restored.Bytes / 1024} KiB stored, written in {restored.WriteTime.TotalMilliseconds:0} ms, read in {restored.ReadTime.TotalMilliseconds:0} ms (thread time summed)");
        Assert.True(restored.Count >= 171);
    }

    private static async Task<RoundTripFamilies> AssertRestoredFamiliesBuildTheSameSiteAsync(string input)
    {
        // Given the site as built
        var built = await BuildAsync(input, restoreFamilies: null);

        // When every family is written to bytes and read back right after RenderBodyHtml
        var roundTrip = new RoundTripFamilies();
        var restored = await BuildAsync(input, roundTrip);

        // Then the output and diagnostics are the same
        Assert.True(roundTrip.Count > 0);
        Assert.Equal(built.Diagnostics, restored.Diagnostics);
        Assert.Equal(built.Files.Keys, restored.Files.Keys);
        foreach (var (destination, bytes) in built.Files)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(restored.Files[destination]), $"{destination} differs after restoring the families");
        }

        return roundTrip;
    }

    private static async Task<(IReadOnlyList<string> Diagnostics, SortedDictionary<string, byte[]> Files)> BuildAsync(string input, IStage? restoreFamilies)
    {
        var request = new BuildRequest { InputFolder = input, OutputFolder = "unused", ThemeFolder = TestTheme.Folder, WriteOutput = false, History = false };
        var site = SiteBuild.Compose(request, TestTheme.Instance, new SiteSettings());
        if (restoreFamilies is not null)
        {
            site.AddStageAfter(nameof(RenderBodyHtml), restoreFamilies);
        }

        var result = await site.RunAsync([]);
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var document in result.Documents.Where(d => d.Destination is not null))
        {
            files[document.Destination!] = document.ToOutputBytes();
        }

        return (result.Diagnostics.Select(d => d.Format()).ToList(), files);
    }

    /// <summary>Replaces each family page's state by what the codec gives back for it: a tree-less model and the body's bytes.</summary>
    private sealed class RoundTripFamilies : PerDocumentStage
    {
        private int _count;
        private long _bytes;
        private long _writeTicks;
        private long _readTicks;

        public int Count => _count;

        /// <summary>The stored entries' total size, and the time writing and reading them took (summed over threads).</summary>
        public long Bytes => _bytes;

        public TimeSpan WriteTime => TimeSpan.FromTicks(_writeTicks);

        public TimeSpan ReadTime => TimeSpan.FromTicks(_readTicks);

        public override string Name => nameof(RoundTripFamilies);

        protected override Document? Process(Document document, StageContext context)
        {
            if (!document.TryGet(JobFamilyKeys.Family, out var family))
            {
                return document;
            }

            Assert.True(RenderedBody.TryGet(document, out var html));
            var state = new FamilyState(
                document.Get(JobFamilyKeys.PathInfo),
                SyntaxTreeRelease.Release(family),
                document.Metadata.GetOrDefault(JobFamilyKeys.ListedFolders),
                Encoding.UTF8.GetBytes(html),
                []);
            var watch = Stopwatch.StartNew();
            var bytes = FamilyStateCodec.Write(state);
            Interlocked.Add(ref _writeTicks, watch.Elapsed.Ticks);
            watch.Restart();
            Assert.True(FamilyStateCodec.TryRead(bytes, out var restored));
            Interlocked.Add(ref _readTicks, watch.Elapsed.Ticks);
            Interlocked.Add(ref _bytes, bytes.Length);
            AssertTreeLess(restored.Family);
            Interlocked.Increment(ref _count);
            // The state applied as a build that reuses families applies it (RestoreStoredFamilies), so a key that stage
            // forgot would change this build's output too.
            return RestoreStoredFamilies.WithState(document, restored).With(JobFamilyKeys.MarkdownBody, string.Empty);
        }

        private static void AssertTreeLess(JobFamily family)
        {
            Assert.Empty(family.Body);
            Assert.NotNull(family.BodyFacts);
            Assert.All(family.Roles, r => Assert.Null(r.Heading));
            var sections = new Stack<Section>(family.Sections.Concat(family.Roles.SelectMany(r => r.Sections)));
            while (sections.TryPop(out var section))
            {
                Assert.True(section.Heading is null && section.Blocks.Count == 0 && section.Items.All(i => i.Block is null), section.Title);
                foreach (var child in section.Children)
                {
                    sections.Push(child);
                }
            }
        }
    }
}
