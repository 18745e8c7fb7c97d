namespace Handbook.Site.Tests.Versions;

using System.Text.Json;
using Handbook.JobFamilies.Versions.Diff;
using Handbook.Site.Tests.History;
using Handbook.Site.Theming.Views;
using Handbook.Site.Versions;
using Handbook.Site.Versions.Views;

/// <summary>
/// The version render cache's entries are written and read with source-generated JSON metadata; the reflection
/// serialiser with default options (what wrote them before) is the oracle: the same bytes, read back the same.
/// </summary>
public sealed class VersionCacheJsonTests
{
    private const int EntryHeaderLength = 8 + 8 + 32; // ContentCache: magic, length, SHA-256

    [Fact]
    public void An_entry_is_the_bytes_the_reflection_serialiser_writes()
    {
        // Given a version's content with every member set, markup and non-ASCII text in it, and nulls where allowed
        var content = RichContent();

        // When the cache serialises it
        var written = VersionRenderCache.Serialize(content);

        // Then the bytes are those of the reflection serialiser with default options (escaped markup, compact)
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(content), written);
        Assert.Contains("\\u003Cp\\u003E", System.Text.Encoding.UTF8.GetString(written), StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_reads_back_as_the_reflection_serialiser_reads_it()
    {
        // Given the entry of a rich content as the reflection serialiser wrote it (an entry of an earlier tool)
        var stored = JsonSerializer.SerializeToUtf8Bytes(RichContent());

        // When the cache's entry is read back into a content through the cache itself
        using var folder = new Support.TempFolder();
        var cache = new VersionRenderCache(folder.Path);
        var key = Handbook.Pipeline.Caching.CacheKey.Create("test", "1", ["entry"]);
        new Handbook.Pipeline.Caching.ContentCache(Path.Combine(folder.Path, VersionRenderCache.SubFolder)).Set(key, stored);
        Assert.True(cache.TryGet(key, out var read));

        // Then it is the same content: each member as the reflection serialiser reads it
        var oracle = JsonSerializer.Deserialize<HistoricContent>(stored)!;
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(oracle), JsonSerializer.SerializeToUtf8Bytes(read));
        Assert.Equal(stored, VersionRenderCache.Serialize(read));
        Assert.Equal("Senior <Gardener>", read.Family.Levels[0].Name);
        Assert.Null(read.Family.History);
        Assert.Equal(["9", "10"], read.UnknownGrades);
    }

    [Fact]
    public void An_entry_that_is_not_UTF8_or_not_JSON_of_the_shape_is_a_miss()
    {
        using var folder = new Support.TempFolder();
        var cache = new VersionRenderCache(folder.Path);
        var raw = new Handbook.Pipeline.Caching.ContentCache(Path.Combine(folder.Path, VersionRenderCache.SubFolder));
        var notUtf8 = Handbook.Pipeline.Caching.CacheKey.Create("test", "1", ["not utf-8"]);
        var notJson = Handbook.Pipeline.Caching.CacheKey.Create("test", "1", ["not json"]);
        raw.Set(notUtf8, [0x7B, 0xFF, 0x7D]);
        raw.Set(notJson, "[1, 2"u8);

        Assert.False(cache.TryGet(notUtf8, out _));
        Assert.False(cache.TryGet(notJson, out _));
    }

    [Fact]
    public async Task The_entries_of_a_real_build_are_what_the_reflection_serialiser_makes_of_them()
    {
        // Given a repository whose older versions are rendered and stored by a build with a cache
        using var repo = new TestRepository();
        repo.Write(Fixtures.GradesPath, Fixtures.Grades("7", "8"));
        repo.Write("job-families/garden/plant-keeper.md", Fixtures.Family("Plant Keeper", "7", "Water the plants")).Commit("Add");
        repo.Write("job-families/garden/plant-keeper.md", Fixtures.Family("Plant Keeper", "8", "Water the <plants> & \"more\" – é")).Commit("Regrade");
        repo.Write("job-families/garden/plant-keeper.md", Fixtures.Family("Plant Keeper", "8", "Water the plants", "Weed")).Commit("Weeding");
        using var build = await VersionedBuild.RunAsync(repo.InputFolder, cache: true);
        var entries = Directory.EnumerateFiles(Path.Combine(build.Cache, VersionRenderCache.SubFolder), "*", SearchOption.AllDirectories).ToList();
        Assert.Equal(2, entries.Count);

        foreach (var entry in entries)
        {
            // When an entry's payload is read by the reflection serialiser and written again by both
            var payload = File.ReadAllBytes(entry)[EntryHeaderLength..];
            var oracle = JsonSerializer.Deserialize<HistoricContent>(payload)!;

            // Then both write the stored bytes
            Assert.Equal(payload, JsonSerializer.SerializeToUtf8Bytes(oracle));
            Assert.Equal(payload, VersionRenderCache.Serialize(oracle));
        }
    }

    private static HistoricContent RichContent()
    {
        var grade = new GradeView("9.5", "Senior <Grade>", null, "/grades/#9-5", Resolved: true);
        var role = new RoleView("Senior <Gardener>", "senior-gardener", grade, [new LinkView("Gardener – café", "/job-families/garden/gardener/")]);
        var family = new FamilyView(
            "Gardener & \"Keeper\"",
            null,
            "/job-families/garden/gardener/",
            new LinkView("Garden", "/job-families/garden/"),
            [role],
            [new RoleView("Trees 🌳", "trees", null, [])],
            null,
            "levels",
            null,
            HasGrades: true,
            "<p>Plants & trees: naïve <em>‘quoted’</em> 🌱</p>\n",
            [new FamilySummaryView("Digger", null, "/job-families/garden/digger/")])
        {
            Toc = [new TocEntryView("Levels", "#levels", [new TocEntryView("Senior <Gardener>", "#senior-gardener", [])])],
            Glance = [new GlanceRowView("Senior <Gardener>", "senior-gardener", grade, null)],
            Previous = new LinkView("Digger", "/job-families/garden/digger/"),
            Next = null,
            EditUrl = "https://example.com/edit/main/job-families/garden/gardener.md",
            GradeIndexUrl = "/job-families/grades/#9-5",
            SourcePath = "job-families/garden/gardener.md",
        };
        var model = new VersionModel([new RoleModel("Senior <Gardener>", "9.5", [new SectionModel("Responsibilities", ["Water & weed", "Prune – ‘carefully’"])])]);
        return new HistoricContent(family, HasDiagrams: true, model, ["9", "10"]);
    }
}
