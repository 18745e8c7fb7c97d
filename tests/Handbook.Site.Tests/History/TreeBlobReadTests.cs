namespace Handbook.Site.Tests.History;

using System.Text;
using Handbook.Pipeline.Diagnostics;
using Handbook.Site.History;
using Handbook.Site.Versions;
using LibGit2Sharp;

/// <summary>
/// Blobs met as tree entries during the walk and the input listings are read through those entries, without the
/// lookup that reading a blob by id makes first, and through libgit2's filtered stream, one object read instead of two
/// (issue 9: libgit2 caches no blobs, so each read inflated and hashed the whole blob again). The bytes must be exactly
/// what reading the blob by id gives (the oracle: libgit2's raw content stream of <c>Lookup&lt;Blob&gt;</c>, how every
/// blob was read before) – also where filters would change them – and a blob that turns out to be missing must read as
/// missing, as before.
/// </summary>
public sealed class TreeBlobReadTests : IDisposable
{
    private readonly TestRepository _repo = new();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void Every_blob_met_in_the_walk_or_a_listing_reads_as_its_content_stream_by_id()
    {
        // Given a history whose pages change (plain, CRLF, a BOM, one larger than a read buffer), with grade data and a partial
        _repo.Write("job-families/eng/a/index.html.md", "# A\n\n- one\n")
            .Write("job-families/sales/b/index.html.md.erb", "# B\r\n\r\n<%= partial \"includes/x\" %>\r\n")
            .Write("includes/_x.md", "- shared\n")
            .Write("data/job-grades.yml", "grades:\n- id: 7\n  title: Senior\n")
            .Commit("first");
        _repo.Write("job-families/eng/a/index.html.md", "\uFEFF# A\n\n- one\n- two ✓\n")
            .Write("job-families/sales/b/index.html.md.erb", string.Concat(Enumerable.Range(0, 20_000).Select(i => $"- item {i} ✓\r\n")))
            .Write("data/job-grades.yml", "grades:\n- id: 7\n  title: Senior / Staff\n")
            .Commit("second");
        using var history = RepositoryHistory.Open(_repo.InputFolder, new DiagnosticBag())!;

        // When the walk and each commit's input listing have met the blobs, and they are read
        var walk = history.Walk();
        var blobs = walk.Families.SelectMany(f => f.Versions).SelectMany(v => new[] { v.BlobSha, v.GradeDataBlobSha! }).ToList();
        foreach (var commit in _repo.Repo.Commits)
        {
            blobs.AddRange(history.ListFilesAt(commit.Sha, HistoricInputFiles.DescendInto, HistoricInputFiles.Includes).Select(f => f.BlobSha));
        }

        // Then each one's bytes are its content stream by id, and its input text is the decoding of those bytes
        Assert.Equal(7, blobs.Distinct(StringComparer.Ordinal).Count());
        foreach (var sha in blobs.Distinct(StringComparer.Ordinal))
        {
            var oracle = ContentById(sha);
            Assert.Equal(oracle, history.ReadBlobBytes(sha));
            Assert.Equal(Handbook.Pipeline.IO.TextDecoder.Decode(oracle, sha, new DiagnosticBag()), history.ReadInputText(sha));
        }
    }

    [Fact]
    public void A_blob_met_in_the_walk_whose_object_is_gone_reads_as_missing()
    {
        // Given a walked history whose page blob is then removed from the object store (a damaged repository)
        _repo.Write("job-families/eng/a/index.html.md", "# A\n\n- gone\n").Commit("first");
        using var history = RepositoryHistory.Open(_repo.InputFolder, new DiagnosticBag())!;
        var sha = Assert.Single(Assert.Single(history.Walk().Families).Versions).BlobSha;
        var file = Path.Combine(_repo.Root, ".git", "objects", sha[..2], sha[2..]);
        File.SetAttributes(file, FileAttributes.Normal);
        File.Delete(file);

        // When it is read, Then it has no bytes and no text – as a blob read by id that the repository lacks
        Assert.Null(history.ReadBlobBytes(sha));
        Assert.Null(history.ReadInputText(sha));
    }

    [Theory]
    [InlineData("* text eol=crlf\n", null)]
    [InlineData(null, "true")]
    public void Where_filters_would_change_a_blob_its_bytes_are_still_its_raw_content(string? attributes, string? autocrlf)
    {
        // Given a repository whose attributes or settings make libgit2's filtered stream differ from the blob (LF → CRLF)
        var text = "# A\n\n- one\n- two\n";
        _repo.Write("job-families/eng/a/index.html.md", text).Commit("first");
        if (attributes is not null)
        {
            File.WriteAllText(Path.Combine(_repo.Root, ".gitattributes"), attributes);
        }

        if (autocrlf is not null)
        {
            _repo.Repo.Config.Set("core.autocrlf", autocrlf, ConfigurationLevel.Local);
        }

        using var history = RepositoryHistory.Open(_repo.InputFolder, new DiagnosticBag())!;
        var sha = Assert.Single(Assert.Single(history.Walk().Families).Versions).BlobSha;
        using (var probe = _repo.Repo.Lookup<Blob>(sha).GetContentStream(new FilteringOptions(".handbook-site-blob")))
        {
            using var filtered = new MemoryStream();
            probe.CopyTo(filtered);
            Assert.NotEqual(Encoding.UTF8.GetBytes(text), filtered.ToArray()); // the filters do apply here
        }

        // When it is read (met in the walk) and read by id (a blob not met before)
        var met = history.ReadBlobBytes(sha);
        var other = _repo.Repo.ObjectDatabase.CreateBlob(new MemoryStream(Encoding.UTF8.GetBytes("- other\n"))).Sha;

        // Then the bytes are the blob's own, unfiltered
        Assert.Equal(Encoding.UTF8.GetBytes(text), met);
        Assert.Equal(ContentById(sha), met);
        Assert.Equal(Encoding.UTF8.GetBytes("- other\n"), history.ReadBlobBytes(other));
    }

    private byte[] ContentById(string sha)
    {
        using var copy = new MemoryStream();
        using (var stream = _repo.Repo.Lookup<Blob>(sha).GetContentStream())
        {
            stream.CopyTo(copy);
        }

        return copy.ToArray();
    }
}
