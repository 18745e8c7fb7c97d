namespace Handbook.Site.Tests.Versions;

using CsCheck;
using Handbook.Site.Versions;
using Handbook.Testing;

/// <summary>
/// The job-family URLs a page's text mentions (what a version's dependencies and cache key are built from). The
/// marker is found by a vectorised search for its leading slash; the case-insensitive <c>IndexOf</c> it replaced is
/// kept here as the oracle, and both must give the same URLs for every text.
/// </summary>
public class PageLinksTests
{
    [Fact]
    public void Given_a_page_with_links_When_its_family_urls_are_listed_Then_each_distinct_url_is_listed_once_in_order()
    {
        var text = "See [x](/job-families/sales/a/) and https://about.gitlab.com/Job-Families/sales/b/#levels, "
            + "again /job-families/sales/a/ and an empty /job-families/ and /job-families//x.";

        Assert.Equal(["/Job-Families/sales/b/", "/job-families//x.", "/job-families/sales/a/"], PageLinks.FamilyUrls(text));
    }

    [Fact]
    public void Given_overlapping_markers_When_listed_Then_every_start_is_found_as_the_case_insensitive_search_finds_it()
    {
        var text = "/job-families/job-families/x /JOB-FAMILIES/";

        Assert.Equal(Oracle(text), PageLinks.FamilyUrls(text));
    }

    [Fact]
    public void Given_random_texts_of_markers_case_variants_and_case_folding_characters_When_listed_Then_the_urls_are_the_oracle_s()
    {
        // Pieces that make markers, near-markers and every character whose case folding is special (dotless i,
        // dotted capital I, long s, Kelvin sign, sharp s), surrogates, path and non-path characters.
        string[] markers = ["/job-families/", "/JOB-FAMILIES/", "/Job-Families/", "/job-famılıes/", "/JOB-FAMİLİES/", "/job-familieſ/", "/job-families", "job-families/", "/jobfamilies/"];
        string[] characters = ["/", "-", "a", "Z", "9", "%", ".", "_", " ", "#", "\n", "ı", "İ", "ſ", "\u212A", "ß", "\uD835\uDC00", "\uD835", "é"];
        var piece = Gen.OneOf(Gen.OneOf(markers.Select(Gen.Const).ToArray()), Gen.OneOf(characters.Select(Gen.Const).ToArray()));
        piece.Array[0, 24]
            .Select(pieces => string.Concat(pieces))
            .Sample(text => Assert.Equal(Oracle(text), PageLinks.FamilyUrls(text)), iter: 20_000);
    }

    [Fact]
    public void Given_the_sample_pages_When_listed_Then_the_urls_are_the_oracle_s()
    {
        var pages = Directory.GetFiles(Path.Combine(SharedCorpus.RepositoryRoot, "input"), "*.md*", SearchOption.AllDirectories);
        Assert.NotEmpty(pages);
        foreach (var page in pages)
        {
            var text = File.ReadAllText(page);
            Assert.Equal(Oracle(text), PageLinks.FamilyUrls(text));
        }
    }

    [CorpusFact]
    public void Given_the_real_pages_When_listed_Then_the_urls_are_the_oracle_s()
    {
        var pages = Directory.GetFiles(SharedCorpus.Folder!, "*.md*", SearchOption.AllDirectories);
        Assert.NotEmpty(pages);
        var withLinks = 0;
        foreach (var page in pages)
        {
            var text = File.ReadAllText(page);
            var urls = PageLinks.FamilyUrls(text);
            Assert.Equal(Oracle(text), urls);
            withLinks += urls.Count > 0 ? 1 : 0;
        }

        Assert.True(withLinks > 10, $"only {withLinks} real pages link a job family");
    }

    // The implementation before issue 9's ninth session: the marker found by IndexOf(…, OrdinalIgnoreCase).
    private static List<string> Oracle(string text)
    {
        const string marker = "/job-families/";
        var urls = new SortedSet<string>(StringComparer.Ordinal);
        for (var at = text.IndexOf(marker, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(marker, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + marker.Length;
            while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '-' or '_' or '/' or '.' or '%'))
            {
                end++;
            }

            if (end > at + marker.Length)
            {
                urls.Add(text[at..end]);
            }
        }

        return [.. urls];
    }
}
