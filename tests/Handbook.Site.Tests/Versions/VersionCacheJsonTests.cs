namespace Handbook.Site.Tests.Versions;

using System.Text;
using System.Text.Json;
using Handbook.JobFamilies.Versions.Diff;
using Handbook.Site.Tests.History;
using Handbook.Site.Theming.Views;
using Handbook.Site.Versions;

/// <summary>
/// The version render cache's entries: the content as JSON without its body (source-generated metadata), a NUL
/// byte, the body as UTF-8. The reflection serialiser with default options – what wrote whole entries before, body
/// included – is the oracle: the same JSON, and a content read back is the content stored, with its body as bytes.
/// </summary>
public sealed class VersionCacheJsonTests
{
    [Fact]
    public void An_entry_is_the_reflection_serialisers_JSON_of_the_content_without_its_body_then_the_body_as_UTF8()
    {
        // Given a version's content with every member set, markup and non-ASCII text in it, and nulls where allowed
        var content = RichContent();

        // When the cache serialises it
        var written = VersionRenderCache.Serialize(content)!;

        // Then the JSON is the reflection serialiser's (escaped markup, compact) of the content without its body, and
        // the body follows a NUL byte as it is
        var separator = Array.IndexOf(written, (byte)0);
        var bodiless = content with { Family = content.Family with { BodyHtml = string.Empty } };
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(bodiless), written[..separator]);
        Assert.Equal(Encoding.UTF8.GetBytes(content.Family.BodyHtml), written[(separator + 1)..]);
        Assert.Contains("\\u003C", Encoding.UTF8.GetString(written[..separator]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_content_reads_back_as_stored_with_its_body_as_UTF8(bool bodyAsUtf8)
    {
        // Given a content whose body is a string, or UTF-8 bytes (as the renders keep it), stored in the cache
        var original = RichContent();
        var stored = bodyAsUtf8
            ? original with { Family = original.Family with { BodyHtml = string.Empty, BodyHtmlUtf8 = Encoding.UTF8.GetBytes(original.Family.BodyHtml) } }
            : original;
        using var folder = new Support.TempFolder();
        var key = Handbook.Pipeline.Caching.CacheKey.Create("test", "1", ["entry"]);
        var cache = new VersionRenderCache(folder.Path);
        cache.Set(key, stored);
        cache.SaveEntriesOfThisBuild();

        // When it is read back (by the next build's cache)
        Assert.True(new VersionRenderCache(folder.Path).TryGet(key, out var read));

        // Then every member is what the reflection serialiser reads of the original, and the body is its UTF-8 bytes
        var expected = original with { Family = original.Family with { BodyHtml = string.Empty, BodyHtmlUtf8 = Encoding.UTF8.GetBytes(original.Family.BodyHtml) } };
        Assert.Equal(JsonSerializer.Serialize(JsonSerializer.Deserialize<HistoricContent>(JsonSerializer.Serialize(expected))), JsonSerializer.Serialize(read));
        Assert.Equal(original.Family.BodyHtml, Encoding.UTF8.GetString(read.Family.BodyHtmlUtf8!));
        Assert.Equal(string.Empty, read.Family.BodyHtml);
        Assert.Equal("Senior <Gardener>", read.Family.Levels[0].Name);
        Assert.Null(read.Family.History);
        Assert.Equal(["9", "10"], read.UnknownGrades);
    }

    [Fact]
    public void An_empty_body_reads_back_as_the_empty_string_and_a_body_UTF8_cannot_carry_is_not_stored()
    {
        using var folder = new Support.TempFolder();
        var cache = new VersionRenderCache(folder.Path);
        var empty = Handbook.Pipeline.Caching.CacheKey.Create("test", "1", ["empty"]);
        var lone = Handbook.Pipeline.Caching.CacheKey.Create("test", "1", ["lone surrogate"]);
        var content = RichContent();

        cache.Set(empty, content with { Family = content.Family with { BodyHtml = string.Empty } });
        cache.Set(lone, content with { Family = content.Family with { BodyHtml = "<p>\ud800</p>" } });
        cache.SaveEntriesOfThisBuild();

        var next = new VersionRenderCache(folder.Path);
        Assert.True(next.TryGet(empty, out var read));
        Assert.Equal(string.Empty, read.Family.BodyHtml);
        Assert.Null(read.Family.BodyHtmlUtf8);
        Assert.False(next.TryGet(lone, out _));
    }

    [Fact]
    public void An_entry_that_is_not_UTF8_or_has_no_body_separator_or_is_not_JSON_of_the_shape_is_a_miss()
    {
        // Given a stored pack whose entries are damaged in each of these ways, beside one intact entry
        using var folder = new Support.TempFolder();
        var valid = VersionRenderCache.Serialize(RichContent())!;
        var entries = new Dictionary<string, byte[]>
        {
            ["not UTF-8"] = [.. valid, 0xFF],
            ["no separator"] = JsonSerializer.SerializeToUtf8Bytes(RichContent()),
            ["not JSON"] = [.. "[1, 2"u8, 0, .. "<p>x</p>"u8],
            ["no family"] = [.. "{\"Family\":null}"u8, 0, .. "<p>x</p>"u8],
            ["intact"] = valid,
        };
        VersionRenderCache.StoreRawEntries(folder.Path, entries.ToDictionary(e => Key(e.Key), e => e.Value));

        // Then each damaged entry is a miss, and the intact one is still read
        var cache = new VersionRenderCache(folder.Path);
        foreach (var name in entries.Keys.Where(n => n != "intact"))
        {
            Assert.False(cache.TryGet(Key(name), out _), name);
        }

        Assert.True(cache.TryGet(Key("intact"), out _));

        static Handbook.Pipeline.Caching.CacheKey Key(string name) => Handbook.Pipeline.Caching.CacheKey.Create("test", "1", [name]);
    }

    [Fact]
    public async Task The_entries_of_a_real_build_hold_what_the_reflection_serialiser_makes_of_them()
    {
        // Given a repository whose older versions are rendered and stored by a build with a cache
        using var repo = new TestRepository();
        repo.Write(Fixtures.GradesPath, Fixtures.Grades("7", "8"));
        repo.Write("job-families/garden/plant-keeper.md", Fixtures.Family("Plant Keeper", "7", "Water the plants")).Commit("Add");
        repo.Write("job-families/garden/plant-keeper.md", Fixtures.Family("Plant Keeper", "8", "Water the <plants> & \"more\" – é")).Commit("Regrade");
        repo.Write("job-families/garden/plant-keeper.md", Fixtures.Family("Plant Keeper", "8", "Water the plants", "Weed")).Commit("Weeding");
        using var build = await VersionedBuild.RunAsync(repo.InputFolder, cache: true);
        var entries = VersionRenderCache.StoredEntries(build.Cache);
        Assert.Equal(2, entries.Count);

        foreach (var (_, payload) in entries)
        {
            // When an entry's JSON is read by the reflection serialiser and written again by both
            var separator = Array.IndexOf(payload, (byte)0);
            var oracle = JsonSerializer.Deserialize<HistoricContent>(payload.AsSpan(0, separator))!;
            var body = payload[(separator + 1)..];

            // Then both write the stored JSON, and the body is a page body
            Assert.Equal(payload[..separator], JsonSerializer.SerializeToUtf8Bytes(oracle));
            Assert.Equal(payload, VersionRenderCache.Serialize(oracle with { Family = oracle.Family with { BodyHtmlUtf8 = body } }));
            Assert.Contains("Water the", Encoding.UTF8.GetString(body), StringComparison.Ordinal);
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
