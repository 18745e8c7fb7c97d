namespace Handbook.Site.Compare;

using Handbook.JobFamilies.Model;

/// <summary>
/// The working lists of one thread's <see cref="LevelMatrix.Of"/>: the rows and keys so far and the ones being merged
/// (swapped after every level), a level's key numbers and its alignment. Aligning a family made these lists anew for
/// every level of every section (≈ 10 MiB at synthetic N = 1000, issue 9); each is read only until the next level is
/// merged, and a compare page is aligned completely before the thread aligns the next one, so one set per thread does.
/// </summary>
internal sealed class MatrixScratch
{
    // A thread keeps lists of up to this many rows (a few tens of KB); a family that needed more leaves them to the
    // collector, so no thread keeps (and clears for every page) the room of one very large family.
    internal const int KeptRows = 4096;

    [ThreadStatic]
    private static MatrixScratch? forThread;

    public List<Item?[]> Rows { get; private set; } = [];

    public List<int> Keys { get; private set; } = [];

    public List<Item?[]> NextRows { get; private set; } = [];

    public List<int> NextKeys { get; private set; } = [];

    public List<int> LevelKeys { get; } = [];

    public List<(int? Left, int? Right)> Pairs { get; } = [];

    /// <summary>This thread's lists, empty. Hand them back with <see cref="Release"/> when the matrix is made.</summary>
    public static MatrixScratch ForThisThread()
    {
        var scratch = forThread ?? new MatrixScratch();
        forThread = null; // taken: a nested use (there is none today) would get lists of its own
        return scratch;
    }

    /// <summary>The merged rows become the rows so far, and the old rows' list, emptied, the next merge's.</summary>
    public void SwapRows()
    {
        (Rows, NextRows) = (NextRows, Rows);
        (Keys, NextKeys) = (NextKeys, Keys);
        NextRows.Clear();
        NextKeys.Clear();
    }

    /// <summary>Empties the lists (they would otherwise hold the family's bullets) and keeps them for the thread's next matrix.</summary>
    public void Release()
    {
        ClearAll();
        if (Rows.Capacity <= KeptRows && NextRows.Capacity <= KeptRows && Keys.Capacity <= KeptRows && NextKeys.Capacity <= KeptRows
            && LevelKeys.Capacity <= KeptRows && Pairs.Capacity <= KeptRows)
        {
            forThread = this;
        }
    }

    /// <summary>Empties the lists for the next section.</summary>
    public void ClearAll()
    {
        Rows.Clear();
        Keys.Clear();
        NextRows.Clear();
        NextKeys.Clear();
        LevelKeys.Clear();
        Pairs.Clear();
    }
}
