namespace Handbook.Site.Tests.Stages;

using System.Buffers;
using CsCheck;
using Handbook.Site.Stages;

/// <summary>
/// A family's search texts wait in a spool between the theme and the search index (<see cref="SpooledTexts"/>,
/// <see cref="FragmentSpool"/>): they must come back exactly as they went, and read back through one
/// <see cref="TextPool"/> each distinct text is one string.
/// </summary>
public class SpooledTextsTests
{
    [Fact]
    public void Given_any_texts_When_written_and_read_back_Then_they_are_the_same_texts_in_the_same_order()
    {
        // Given lists of any strings (empty ones, non-ASCII, lone surrogates included)
        var texts = Gen.OneOf(Gen.String, Gen.Const(string.Empty), Gen.Const("Lead “hiring”"), Gen.Const("\ud800 alone"), Gen.Const("😀")).Array[0, 8];
        texts.Sample(list =>
        {
            var buffer = new ArrayBufferWriter<byte>();

            // When
            SpooledTexts.Write(list, buffer);
            var read = SpooledTexts.Read(buffer.WrittenSpan, new TextPool());

            // Then
            Assert.Equal(list, read);
        });
    }

    [Fact]
    public void Given_texts_met_twice_When_read_back_through_one_pool_Then_each_distinct_text_is_one_string()
    {
        // Given two families' texts that share one text
        var pool = new TextPool();
        var buffer = new ArrayBufferWriter<byte>();
        SpooledTexts.Write(["Fix bugs", "Write tests"], buffer);
        var first = SpooledTexts.Read(buffer.WrittenSpan, pool);
        SpooledTexts.Write(["Review designs", new string("Fix bugs".AsSpan())], buffer);

        // When
        var second = SpooledTexts.Read(buffer.WrittenSpan, pool);

        // Then the shared text is the very string read first; the pool holds the three distinct texts
        Assert.Same(first[0], second[1]);
        Assert.Equal(3, pool.Count);
    }

    [Fact]
    public void Given_bytes_after_the_texts_When_read_Then_it_is_refused()
    {
        // Given a spooled list with a stray byte after it
        var buffer = new ArrayBufferWriter<byte>();
        SpooledTexts.Write(["Fix bugs"], buffer);
        var bytes = buffer.WrittenSpan.ToArray().Append((byte)0).ToArray();

        // When / Then
        Assert.Throws<InvalidDataException>(() => SpooledTexts.Read(bytes, new TextPool()));
    }

    [Fact]
    public void Given_fragments_added_from_several_threads_When_read_back_Then_each_is_its_own_bytes()
    {
        // Given a spool and 200 fragments of different lengths added in parallel
        using var spool = new FragmentSpool();
        var fragments = Enumerable.Range(0, 200).Select(i => Enumerable.Range(0, i * 7).Select(b => (byte)(b + i)).ToArray()).ToArray();
        var places = new FragmentSpool.Fragment[fragments.Length];

        // When
        Parallel.For(0, fragments.Length, i => places[i] = spool.Add(fragments[i]));

        // Then each reads back as itself, and a target of the wrong length is refused
        for (var i = 0; i < fragments.Length; i++)
        {
            var read = new byte[places[i].Length];
            spool.Read(places[i], read);
            Assert.Equal(fragments[i], read);
        }

        Assert.Throws<ArgumentException>(() => spool.Read(places[5], new byte[places[5].Length + 1]));
    }
}
