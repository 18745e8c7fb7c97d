namespace Handbook.Site.Tests.History;

using System.Text;
using Handbook.JobFamilies.Versions;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.IO;
using Handbook.Site.History;
using LibGit2Sharp;

/// <summary>
/// Blob texts are read once per build (issue 9): folding takes the input-file decoding where there is one, and
/// the renders reuse it. The old paths – libgit2's own decoding for folding, <see cref="TextDecoder"/> over the
/// blob's bytes for rendering – are the oracles.
/// </summary>
public sealed class BlobTextTests : IDisposable
{
    private readonly TestRepository _repo = new();

    public static TheoryData<string, byte[]> Blobs => new()
    {
        { "plain", Encoding.UTF8.GetBytes("# Title\n\n- one\n- two\n") },
        { "CRLF and trailing blanks", Encoding.UTF8.GetBytes("# Title  \r\n\r\n\r\n- one\t\r\n- two\r\n\r\n") },
        { "lone CR", Encoding.UTF8.GetBytes("# Title\r- one\r\n- two\r") },
        { "UTF-8 BOM", [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes("# Titre été\r\n- un\n")] },
        { "invalid UTF-8", [.. Encoding.UTF8.GetBytes("# Title\n- caf"), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\n")] },
        { "NUL byte", [.. Encoding.UTF8.GetBytes("# Title\n"), 0, .. Encoding.UTF8.GetBytes("- one\n")] },
        { "UTF-16 with BOM", [.. Encoding.Unicode.Preamble, .. Encoding.Unicode.GetBytes("# Title\r\n- one\n")] },
        { "empty", [] },
        { "larger than a read buffer", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 20_000).Select(i => $"- item {i} ✓\n"))) },
        { "over a megabyte, CRLF", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 90_000).Select(i => $"- item {i} ✓\r\n"))) },
    };

    public void Dispose() => _repo.Dispose();

    [Theory]
    [MemberData(nameof(Blobs))]
    public void Folding_compares_the_same_normalised_text_as_libgit2s_decoding(string name, byte[] bytes)
    {
        // Given a blob
        var sha = _repo.Repo.ObjectDatabase.CreateBlob(new MemoryStream(bytes)).Sha;
        _repo.Write("README.md", name).Commit("a commit so the repository opens");
        using var history = RepositoryHistory.Open(_repo.InputFolder, new DiagnosticBag())!;

        // When folding reads it
        var folded = VersionDiscovery.FoldText(history, sha);

        // Then it normalises exactly like libgit2's text did (the text folding used before), and where the blob is
        // no input text it is libgit2's text itself
        var libgit2 = _repo.Repo.Lookup<Blob>(sha).GetContentText();
        Assert.Equal(VersionFolding.NormaliseWhitespace(libgit2), VersionFolding.NormaliseWhitespace(folded!));
        if (history.ReadInputText(sha) is null)
        {
            Assert.Equal(libgit2, folded);
        }
    }

    [Theory]
    [MemberData(nameof(Blobs))]
    public void The_input_text_of_a_blob_is_the_input_file_decoding_of_its_bytes_read_once(string name, byte[] bytes)
    {
        var sha = _repo.Repo.ObjectDatabase.CreateBlob(new MemoryStream(bytes)).Sha;
        _repo.Write("README.md", name).Commit("a commit so the repository opens");
        using var history = RepositoryHistory.Open(_repo.InputFolder, new DiagnosticBag())!;

        // Decoded from a pooled buffer; the oracle decodes an array of the blob's bytes. A blob read before (of another
        // size) leaves its bytes in the pool: only this blob's own bytes count.
        _ = history.ReadInputText(_repo.Repo.ObjectDatabase.CreateBlob(new MemoryStream(Encoding.UTF8.GetBytes(new string('x', 70_000) + "\r\n"))).Sha);
        var text = history.ReadInputText(sha);

        Assert.Equal(TextDecoder.Decode(history.ReadBlobBytes(sha)!, sha, new DiagnosticBag()), text);
        Assert.Same(text, history.ReadInputText(sha));
    }

    [Theory]
    [MemberData(nameof(Blobs))]
    public void The_bytes_of_a_blob_are_its_content_stream_copied_whole(string name, byte[] bytes)
    {
        // Given a blob
        var sha = _repo.Repo.ObjectDatabase.CreateBlob(new MemoryStream(bytes)).Sha;
        _repo.Write("README.md", name).Commit("a commit so the repository opens");
        using var history = RepositoryHistory.Open(_repo.InputFolder, new DiagnosticBag())!;

        // When its bytes are read (into an array of the blob's size)
        var read = history.ReadBlobBytes(sha);

        // Then they are what copying libgit2's content stream gives (how they were read before), and what was stored
        using var copy = new MemoryStream();
        using (var stream = _repo.Repo.Lookup<Blob>(sha).GetContentStream())
        {
            stream.CopyTo(copy);
        }

        Assert.Equal(copy.ToArray(), read);
        Assert.Equal(bytes, read);
    }

    [Fact]
    public void A_missing_blob_has_no_text()
    {
        _repo.Write("README.md", "x").Commit("first");
        using var history = RepositoryHistory.Open(_repo.InputFolder, new DiagnosticBag())!;

        Assert.Null(history.ReadInputText(new string('a', 40)));
        Assert.Null(VersionDiscovery.FoldText(history, new string('a', 40)));
    }
}
