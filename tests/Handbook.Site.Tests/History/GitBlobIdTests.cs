namespace Handbook.Site.Tests.History;

using System.Text;
using Handbook.Site.History;
using LibGit2Sharp;

/// <summary>A blob's git id computed from its bytes, against the ids libgit2 gives the same bytes (the oracle).</summary>
public sealed class GitBlobIdTests : IDisposable
{
    private readonly TestRepository _repo = new();

    public static TheoryData<string> Contents => new()
    {
        string.Empty,
        "# Title\n\n- one\n",
        "# Title\r\n- CRLF ✓\r\n",
        new string('x', 70_000),
    };

    public void Dispose() => _repo.Dispose();

    [Theory]
    [MemberData(nameof(Contents))]
    public void The_id_libgit2_gives_a_blob_names_its_bytes_and_no_others(string text)
    {
        // Given a blob stored by libgit2
        var bytes = Encoding.UTF8.GetBytes(text);
        var sha = _repo.Repo.ObjectDatabase.CreateBlob(new MemoryStream(bytes)).Sha;

        // Then its id names its bytes, in either case, and not the bytes with one more, one less or one changed byte
        Assert.True(GitBlobId.Names(sha, bytes));
        Assert.True(GitBlobId.Names(sha.ToUpperInvariant(), bytes));
        Assert.False(GitBlobId.Names(sha, [.. bytes, (byte)'\n']));
        if (bytes.Length > 0)
        {
            Assert.False(GitBlobId.Names(sha, bytes.AsSpan(0, bytes.Length - 1)));
            var changed = bytes.ToArray();
            changed[^1] ^= 1;
            Assert.False(GitBlobId.Names(sha, changed));
        }
    }

    [Fact]
    public void An_id_of_another_form_names_nothing()
    {
        var bytes = Encoding.UTF8.GetBytes("- one\n");
        var sha = _repo.Repo.ObjectDatabase.CreateBlob(new MemoryStream(bytes)).Sha;

        Assert.False(GitBlobId.Names(sha + new string('0', 24), bytes)); // a SHA-256 repository's id length
        Assert.False(GitBlobId.Names(sha[..39], bytes));
    }
}
