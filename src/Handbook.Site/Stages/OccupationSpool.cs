namespace Handbook.Site.Stages;

using System.Buffers;
using Handbook.Site.Metadata;

/// <summary>
/// The occupation lists of the families whose bullets went in their batch (<see cref="OccupationItems"/>: the bullet
/// texts a family page's JSON-LD lists), kept in a temporary file (<see cref="FragmentSpool"/>) instead of the heap
/// until the theme renders the page (issue 9: at synthetic N = 3000 those texts were the largest part of what a
/// finished batch left behind on the heap – ≈ 24 strings a family, most of them sentences – and they lived from the
/// family's batch to the theme, through the build's peak at the end of the batches).
/// </summary>
/// <remarks>
/// A family's two lists are one fragment: the texts of both (<see cref="SpooledTexts"/>, UTF-16 as in memory, so
/// they come back exactly) and how many of them are responsibilities. Thread-safe: the batches add and the theme reads
/// on several threads.
/// </remarks>
public sealed class OccupationSpool : IDisposable
{
    private readonly FragmentSpool _spool = new();

    // One buffer per thread for the fragment being made (copied into the spool right away).
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_fragment;

    /// <summary>Where one family's lists are in the spool.</summary>
    /// <param name="Texts">Both lists' texts, responsibilities first.</param>
    /// <param name="Responsibilities">How many of the texts are responsibilities (the rest are skills).</param>
    public readonly record struct Entry(FragmentSpool.Fragment Texts, int Responsibilities);

    /// <summary>Spools <paramref name="items"/>; the returned entry reads them back (<see cref="Read"/>).</summary>
    public Entry Add(OccupationItems items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var fragment = t_fragment ??= new ArrayBufferWriter<byte>(16 * 1024);
        SpooledTexts.Write([.. items.Responsibilities, .. items.Skills], fragment);
        return new Entry(_spool.Add(fragment.WrittenSpan), items.Responsibilities.Count);
    }

    /// <summary>The lists <see cref="Add"/> spooled as <paramref name="entry"/>, as equal strings in the same order.</summary>
    public OccupationItems Read(Entry entry)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(entry.Texts.Length);
        try
        {
            var spooled = bytes.AsSpan(0, entry.Texts.Length);
            _spool.Read(entry.Texts, spooled);
            var reader = new SpooledTexts.Reader(spooled);
            var responsibilities = new List<string>(entry.Responsibilities);
            var skills = new List<string>(reader.Count - entry.Responsibilities);
            for (var i = 0; i < reader.Count; i++)
            {
                (i < entry.Responsibilities ? responsibilities : skills).Add(new string(reader.Next(out _)));
            }

            reader.EnsureAtEnd();
            return new OccupationItems(responsibilities, skills);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    public void Dispose() => _spool.Dispose();
}
