namespace Handbook.Site.Tests.Json;

using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Handbook.Pipeline.Caching;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Handbook.Site.Caching;
using Handbook.Site.Tests.Support;

/// <summary>
/// The render cache's records (<see cref="CachedBuild"/>, <see cref="OutputStamp"/>) are written and read with
/// source-generated metadata (<see cref="CacheJsonContext"/>). The oracle is the slow path they replace: the same
/// options with System.Text.Json's reflection resolver. Records must be the same bytes, and records written by the
/// old path must still be read.
/// </summary>
public class CacheJsonTests
{
    // The options of both records before source generation, resolved by reflection.
    private static readonly JsonSerializerOptions Oracle = new() { WriteIndented = false, TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    private static readonly CacheKey Fingerprint = CacheKey.Create("cache-json-test", "1", "input");

    [Fact]
    public void Given_a_build_with_files_and_diagnostics_When_saved_Then_the_record_is_the_reflection_resolvers_bytes_and_loads_back()
    {
        // Given output files and diagnostics with and without hint and detail, non-ASCII and escaped text
        using var folder = new TempFolder();
        var cache = new SiteOutputCache(folder["cache"]);
        Document[] documents =
        [
            new("job-families/sales/analyst.md", "job-families/sales/analyst/index.html", "<p>Analyst – “quoted”</p>", Metadata.Empty),
            new("search-index.json", "search-index.json", "{}\n", Metadata.Empty),
        ];
        Diagnostic[] diagnostics =
        [
            Diagnostic.Error("FM001", "Bad \"front matter\" <here>", new SourceLocation("job-families/sales/analyst.md", 3, 7), "Fix the YAML."),
            Diagnostic.Warning("LINK002", "Ingénieur link", SourceLocation.File("job-families/x.md")) with { Detail = "line one\nline two" },
        ];

        // When the build is saved
        cache.Save(Fingerprint, documents, diagnostics, pageCount: 2, familyCount: 1);

        // Then the stored record is exactly what the reflection resolver writes for its content
        Assert.True(new ContentCache(Path.Combine(cache.Folder, "builds")).TryGet(Fingerprint, out var stored));
        var content = JsonSerializer.Deserialize<CachedBuild>(stored, Oracle)!;
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(content, Oracle), stored);
        Assert.Equal(2, content.Files.Count);
        Assert.Equal(2, content.Diagnostics.Count);

        // And it loads back with the same content
        Assert.True(cache.TryLoad(Fingerprint, out var loaded));
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(content, Oracle), JsonSerializer.SerializeToUtf8Bytes(loaded, Oracle));
        Assert.Equal(diagnostics.Select(d => d.ToString()), loaded.Diagnostics.Select(d => d.ToDiagnostic().ToString()));
        Assert.Equal(diagnostics[1].Detail, loaded.Diagnostics[1].ToDiagnostic().Detail);
    }

    [Fact]
    public void Given_a_record_written_by_the_reflection_resolver_When_loaded_Then_it_is_read()
    {
        using var folder = new TempFolder();
        var cache = new SiteOutputCache(folder["cache"]);
        var record = new CachedBuild(3, 1, [CachedDiagnostic.From(Diagnostic.Error("X001", "m", SourceLocation.File("a.md")))], [new CachedFile("a.md", "a/index.html", new string('0', 64))]);
        new ContentCache(Path.Combine(cache.Folder, "builds")).Set(Fingerprint, JsonSerializer.SerializeToUtf8Bytes(record, Oracle));

        Assert.True(cache.TryLoad(Fingerprint, out var loaded));
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(record, Oracle), JsonSerializer.SerializeToUtf8Bytes(loaded, Oracle));
    }

    [Fact]
    public void Given_an_output_folder_When_stamped_Then_the_stamp_is_the_reflection_resolvers_text_and_matches_both_ways()
    {
        // Given an output folder with nested files
        using var folder = new TempFolder();
        var output = folder["output"];
        Directory.CreateDirectory(Path.Combine(output, "job-families", "sales"));
        File.WriteAllText(Path.Combine(output, "index.html"), "<p>home</p>");
        File.WriteAllText(Path.Combine(output, "job-families", "sales", "index.html"), "<p>Ingénieur</p>");
        var stamps = new ContentCache(folder["stamps"]);

        // When stamped
        OutputStamp.Save(stamps, output, Fingerprint);

        // Then the stored text is the reflection resolver's for the folder as it is, and it matches
        var key = Assert.Single(Directory.EnumerateFiles(stamps.Folder, "*", SearchOption.AllDirectories).Select(Path.GetFileName).Select(n => new CacheKey(n!)));
        Assert.True(stamps.TryGetString(key, out var text));
        Assert.Equal(JsonSerializer.Serialize(OutputStamp.Of(output, Fingerprint), Oracle), text);
        Assert.True(OutputStamp.Matches(stamps, output, Fingerprint));

        // And a stamp written by the reflection resolver matches too
        stamps.SetString(key, JsonSerializer.Serialize(OutputStamp.Of(output, Fingerprint), Oracle));
        Assert.True(OutputStamp.Matches(stamps, output, Fingerprint));
        Assert.False(OutputStamp.Matches(stamps, output, CacheKey.Create("another-build", "1")));
    }
}
