namespace Handbook.Pipeline.Tests;

using System.Security.Cryptography;
using System.Text;
using Handbook.Pipeline.Caching;
using Handbook.Pipeline.Tests.Support;

/// <summary>
/// <see cref="FileBlobStore"/> keeps whole files under the SHA-256 of their bytes, taken in and given back as hard links
/// where the file system allows: what it gives back must be exactly the bytes its name says, or nothing.
/// </summary>
public sealed class FileBlobStoreTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Given_a_written_file_When_adopted_and_placed_elsewhere_Then_the_placed_file_has_the_same_bytes_under_the_hash_of_them()
    {
        // Given
        var bytes = Encoding.UTF8.GetBytes("<p>a page</p>\n");
        var source = _temp.WriteBytes("output/page/index.html", bytes);
        var store = new FileBlobStore(_temp.Combine("store"));

        // When
        var key = store.Adopt(source, known: null);
        var placed = _temp.Combine("restored.html");
        var ok = store.TryPlace(key!.Value, placed);

        // Then
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), key.Value.Hex);
        Assert.True(ok);
        Assert.Equal(bytes, File.ReadAllBytes(placed));
        Assert.Equal(bytes, File.ReadAllBytes(store.PathOf(key.Value))); // the store's file is the bytes, no header
        Assert.Equal(2, store.Linked + store.Copied);
    }

    [Fact]
    public void Given_files_When_adopted_and_put_Then_they_lie_directly_in_the_store_folder()
    {
        // Given
        var store = new FileBlobStore(_temp.Combine("store"));
        var adopted = store.Adopt(_temp.WriteBytes("output/a/index.html", Encoding.UTF8.GetBytes("<p>a</p>")), known: null);

        // When
        var put = store.Put(Encoding.UTF8.GetBytes("<p>b</p>"));

        // Then no fan-out folder (one inode each to create) – the store's folder holds the two files
        Assert.Empty(Directory.GetDirectories(store.Folder));
        Assert.Equal(new[] { adopted!.Value.Hex, put!.Value.Hex }.Order(StringComparer.Ordinal), Directory.GetFiles(store.Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Given_a_known_hash_of_a_file_the_store_has_When_adopted_again_Then_nothing_is_read_or_linked()
    {
        // Given
        var bytes = Encoding.UTF8.GetBytes("same bytes");
        var store = new FileBlobStore(_temp.Combine("store"));
        var first = store.Adopt(_temp.WriteBytes("a.html", bytes), known: null)!.Value;
        var before = store.Linked + store.Copied;

        // When
        var second = store.Adopt(_temp.WriteBytes("b.html", bytes), (SHA256.HashData(bytes), bytes.Length));

        // Then
        Assert.Equal(first, second);
        Assert.Equal(before, store.Linked + store.Copied);
    }

    [Fact]
    public void Given_a_file_whose_length_changed_after_its_hash_was_taken_When_adopted_with_that_hash_Then_it_is_not_stored()
    {
        // Given: the caller hashed the bytes it wrote; the file was changed on disk afterwards.
        var written = Encoding.UTF8.GetBytes("what the build wrote");
        var source = _temp.WriteBytes("page.html", Encoding.UTF8.GetBytes("what someone put there since"));
        var store = new FileBlobStore(_temp.Combine("store"));

        // When
        var key = store.Adopt(source, (SHA256.HashData(written), written.Length));

        // Then
        Assert.Null(key);
        Assert.False(Directory.Exists(store.Folder) && Directory.EnumerateFiles(store.Folder, "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public void Given_a_file_changed_to_other_bytes_of_the_same_length_after_its_hash_was_taken_When_adopted_and_placed_Then_it_is_not_served()
    {
        // Given: taken in on the caller's word (not read), but the bytes are no longer the ones hashed.
        var written = Encoding.UTF8.GetBytes("<p>as built</p>");
        var source = _temp.WriteBytes("page.html", Encoding.UTF8.GetBytes("<p>as BUILT</p>"));
        var store = new FileBlobStore(_temp.Combine("store"));
        var key = store.Adopt(source, (SHA256.HashData(written), written.Length))!.Value;

        // When
        var placed = _temp.Combine("restored.html");
        var ok = store.TryPlace(key, placed);

        // Then
        Assert.False(ok);
        Assert.False(File.Exists(placed));
    }

    [Fact]
    public void Given_a_stored_file_damaged_in_place_When_placed_Then_it_is_refused_deleted_and_nothing_is_left_at_the_destination()
    {
        // Given: the store's file edited through another of its names (an output file linked to it, changed in place).
        var source = _temp.WriteBytes("output/page.html", Encoding.UTF8.GetBytes("<p>the page as built</p>"));
        var store = new FileBlobStore(_temp.Combine("store"));
        var key = store.Adopt(source, known: null)!.Value;
        using (var stream = new FileStream(store.PathOf(key), FileMode.Append))
        {
            stream.Write("<!-- injected -->"u8);
        }

        // When
        var placed = _temp.Combine("restored.html");
        var ok = store.TryPlace(key, placed);

        // Then
        Assert.False(ok);
        Assert.False(File.Exists(placed));
        Assert.False(File.Exists(store.PathOf(key)));
        Assert.Equal(1, store.Rejected);
    }

    [Fact]
    public void Given_a_stored_file_When_read_into_a_buffer_of_its_length_Then_the_buffer_holds_its_bytes()
    {
        // Given
        var bytes = Encoding.UTF8.GetBytes("<p>a version page</p>\n");
        var store = new FileBlobStore(_temp.Combine("store"));
        var key = store.Adopt(_temp.WriteBytes("output/page.html", bytes), known: null)!.Value;

        // When
        var read = new byte[bytes.Length];
        var ok = store.TryRead(key, read);

        // Then
        Assert.True(ok);
        Assert.Equal(bytes, read);
        Assert.False(store.TryRead(key, new byte[bytes.Length + 1])); // another length is not that file
        Assert.False(store.TryRead(new CacheKey(Convert.ToHexStringLower(SHA256.HashData("never stored"u8))), new byte[3]));
    }

    [Fact]
    public void Given_a_stored_file_damaged_in_place_with_its_length_kept_When_read_Then_it_is_refused_and_deleted()
    {
        // Given: the store's file edited through another of its names, same length
        var source = _temp.WriteBytes("output/page.html", Encoding.UTF8.GetBytes("<p>the page as built</p>"));
        var store = new FileBlobStore(_temp.Combine("store"));
        var key = store.Adopt(source, known: null)!.Value;
        using (var stream = new FileStream(store.PathOf(key), FileMode.Open, FileAccess.Write))
        {
            stream.Write("<P>"u8);
        }

        // When
        var ok = store.TryRead(key, new byte[new FileInfo(store.PathOf(key)).Length]);

        // Then
        Assert.False(ok);
        Assert.False(File.Exists(store.PathOf(key)));
        Assert.Equal(1, store.Rejected);
    }

    [Fact]
    public void Given_a_missing_key_When_placed_Then_false()
    {
        var store = new FileBlobStore(_temp.Combine("store"));
        var key = new CacheKey(Convert.ToHexStringLower(SHA256.HashData("never stored"u8)));

        Assert.False(store.TryPlace(key, _temp.Combine("restored.html")));
        Assert.False(File.Exists(_temp.Combine("restored.html")));
    }

    [Fact]
    public void Given_bytes_made_in_memory_When_put_Then_they_are_placed_back_unchanged_and_a_second_put_writes_nothing_new()
    {
        // Given
        var bytes = Encoding.UTF8.GetBytes("{\"a\":1}");
        var store = new FileBlobStore(_temp.Combine("store"));

        // When
        var key = store.Put(bytes)!.Value;
        var written = File.GetLastWriteTimeUtc(store.PathOf(key));
        var again = store.Put(bytes);
        var placed = _temp.Combine("data.json");

        // Then
        Assert.Equal(key, again);
        Assert.Equal(written, File.GetLastWriteTimeUtc(store.PathOf(key)));
        Assert.True(store.TryPlace(key, placed));
        Assert.Equal(bytes, File.ReadAllBytes(placed));
    }

    [Fact]
    public void Given_a_damaged_stored_file_When_adopted_again_with_rewrite_Then_the_store_holds_the_right_bytes_and_no_temporary_is_left()
    {
        // Given: a stored file replaced by a truncated one of the same name (not through the source's name).
        var bytes = Encoding.UTF8.GetBytes("<p>a longer page body</p>");
        var source = _temp.WriteBytes("output/page.html", bytes);
        var store = new FileBlobStore(_temp.Combine("store"));
        var key = store.Adopt(source, known: null)!.Value;
        File.Delete(store.PathOf(key));
        File.WriteAllBytes(store.PathOf(key), bytes[..5]);

        // When
        var again = store.Adopt(source, (SHA256.HashData(bytes), bytes.Length), rewrite: true);

        // Then
        Assert.Equal(key, again);
        Assert.Equal(bytes, File.ReadAllBytes(store.PathOf(key)));
        Assert.Equal([store.PathOf(key)], Directory.EnumerateFiles(store.Folder, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Given_a_file_linked_into_the_store_When_adopted_again_with_rewrite_Then_no_temporary_name_is_left()
    {
        // Given: the store's file and the source are one file (the rename of a name over another name of the same
        // file does nothing, which must not leave the temporary name behind).
        var source = _temp.WriteBytes("output/page.html", Encoding.UTF8.GetBytes("<p>linked</p>"));
        var store = new FileBlobStore(_temp.Combine("store"));
        var key = store.Adopt(source, known: null)!.Value;

        // When
        store.Adopt(source, known: null, rewrite: true);

        // Then
        Assert.Equal([store.PathOf(key)], Directory.EnumerateFiles(store.Folder, "*", SearchOption.AllDirectories));
    }
}
