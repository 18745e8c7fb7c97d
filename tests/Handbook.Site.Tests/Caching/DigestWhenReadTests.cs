namespace Handbook.Site.Tests.Caching;

using System.Security.Cryptography;
using System.Text;
using Handbook.JobFamilies.Stages;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Handbook.Site.Caching;

/// <summary>
/// <see cref="DigestWhenRead"/>: the build cache's fingerprint takes each text's SHA-256 as the file is read, so the page
/// can give its text up right away (split and parked) and the fingerprint is still of the file as read.
/// </summary>
public class DigestWhenReadTests
{
    private const string Page = "---\ntitle: Baker\n---\n## Levels\n\n### Baker\n\n#### Responsibilities\n\n* Bake the bread – daily\n";

    [Fact]
    public void Given_a_page_When_prepared_by_a_splitting_preparer_Then_its_text_is_given_up_and_its_digest_is_that_of_the_text_read()
    {
        // Given a page and the preparer of a build that splits pages as they are read
        var read = Document.FromSource("job-families/kitchen/baker.md", Page);
        var preparer = new DigestWhenRead(new SplitFrontMatterWhenRead());

        // When
        var prepared = preparer.Prepare(read, new DiagnosticBag());

        // Then the split page no longer holds its text, and carries the SHA-256 of the text's UTF-8 bytes
        Assert.NotEqual(Page, prepared.Content);
        Assert.True(prepared.TryGet(DigestWhenRead.InputDigest, out var digest));
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(Page)), digest);
    }

    [Fact]
    public void Given_a_document_read_without_the_preparer_When_its_digest_is_taken_Then_it_equals_the_one_taken_when_read()
    {
        // Given the same text read with and without the digesting preparer (a text long enough for a rented buffer)
        var text = Page + new string('x', 10_000);
        var prepared = new DigestWhenRead(inner: null).Prepare(Document.FromSource("a.md", text), new DiagnosticBag());

        // When / Then
        Assert.Same(text, prepared.Content);
        Assert.Equal(prepared.Get(DigestWhenRead.InputDigest), DigestWhenRead.DigestOf(text));
    }

    [Fact]
    public void Given_two_texts_that_differ_in_one_character_When_digested_Then_the_digests_differ()
    {
        Assert.NotEqual(DigestWhenRead.DigestOf(Page), DigestWhenRead.DigestOf(Page.Replace("daily", "Daily", StringComparison.Ordinal)));
    }
}
