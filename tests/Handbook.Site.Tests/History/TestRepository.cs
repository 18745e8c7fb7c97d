namespace Handbook.Site.Tests.History;

using LibGit2Sharp;

/// <summary>
/// A git repository in a temp folder, built commit by commit with a fixed author and explicit dates, so every
/// walk over it is reproducible. Deleted on dispose.
/// </summary>
internal sealed class TestRepository : IDisposable
{
    public static readonly DateTimeOffset Start = new(2022, 9, 1, 10, 0, 0, TimeSpan.FromHours(2));

    private int _minutes;

    public TestRepository(string? inputSubfolder = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "hb-history-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        Repository.Init(Root);
        Repo = new Repository(Root);
        InputFolder = inputSubfolder is null ? Root : Path.Combine(Root, inputSubfolder);
        Directory.CreateDirectory(InputFolder);
    }

    public string Root { get; }

    public string InputFolder { get; }

    public Repository Repo { get; }

    /// <summary>Writes a file below the input folder ('/'-separated path).</summary>
    public TestRepository Write(string path, string text)
    {
        var file = Path.Combine(InputFolder, path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text);
        return this;
    }

    public TestRepository Delete(string path)
    {
        File.Delete(Path.Combine(InputFolder, path));
        return this;
    }

    /// <summary>Renames a file or a whole folder below the input folder.</summary>
    public TestRepository Move(string from, string to)
    {
        var source = Path.Combine(InputFolder, from);
        var target = Path.Combine(InputFolder, to);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (Directory.Exists(source))
        {
            Directory.Move(source, target);
        }
        else
        {
            File.Move(source, target);
        }

        return this;
    }

    /// <summary>Commits everything in the work tree, one minute after the previous commit (or at <paramref name="when"/>).</summary>
    public Commit Commit(string message, DateTimeOffset? when = null)
    {
        Commands.Stage(Repo, "*");
        var signature = Signature(when);
        return Repo.Commit(message, signature, signature, new CommitOptions { AllowEmptyCommit = true });
    }

    /// <summary>
    /// Commits the work tree as a merge of HEAD and <paramref name="other"/> (the caller has put the merged content in
    /// place), like a merge request's merge commit.
    /// </summary>
    public Commit MergeCommit(string message, Commit other, DateTimeOffset? when = null)
    {
        Commands.Stage(Repo, "*");
        var tree = Repo.ObjectDatabase.CreateTree(Repo.Index);
        var signature = Signature(when);
        var merge = Repo.ObjectDatabase.CreateCommit(signature, signature, message, tree, [Repo.Head.Tip, other], prettifyMessage: true);
        Repo.Refs.UpdateTarget(Repo.Refs[Repo.Head.CanonicalName], merge.Id, "merge");
        return merge;
    }

    public void Branch(string name) => Commands.Checkout(Repo, Repo.CreateBranch(name));

    public void Checkout(string name) => Commands.Checkout(Repo, Repo.Branches[name]);

    public string MainBranch => Repo.Head.FriendlyName;

    public void Dispose()
    {
        Repo.Dispose();
        DeleteFolder(Root);
    }

    public static void DeleteFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        // Git marks object files read-only.
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }

        Directory.Delete(folder, recursive: true);
    }

    private Signature Signature(DateTimeOffset? when)
    {
        _minutes++;
        return new Signature("Test Author", "author@example.com", when ?? Start.AddMinutes(_minutes));
    }
}
