namespace Handbook.Site.Tests.History;

using Handbook.JobFamilies.Versions;
using Handbook.Pipeline.Diagnostics;
using Handbook.Site.History;

public sealed class RepositoryHistoryTests : IDisposable
{
    private const string Writer = "job-families/engineering/technical-writer/index.html.md";
    private const string Tester = "job-families/engineering/tester.md";

    private readonly TestRepository _repo = new();
    private readonly DiagnosticBag _diagnostics = new();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void Each_edit_of_a_page_is_a_version_newest_first_with_git_dates_and_subjects()
    {
        // Given a page added and edited twice, and an unrelated commit in between
        var added = _repo.Write(Writer, Pages.Family("Technical Writer", "Writes docs")).Commit("Add technical writer");
        _repo.Write("README.md", "unrelated").Commit("Unrelated change");
        var second = _repo.Write(Writer, Pages.Family("Technical Writer", "Writes docs", "Reviews docs")).Commit("Add reviewing");
        var third = _repo.Write(Writer, Pages.Family("Technical Writer", "Writes and tests docs", "Reviews docs")).Commit("Reword\n\nLonger body.");

        // When the history is walked
        var walk = Walk();

        // Then the family has three versions, newest first, each from git
        var family = Assert.Single(walk.Families);
        Assert.Equal(Writer, family.CurrentPath);
        Assert.Equal([third.Sha, second.Sha, added.Sha], family.Versions.Select(v => v.CommitSha));
        var newest = family.Versions[0];
        Assert.Equal("Reword", newest.Subject);
        Assert.Equal("Test Author", newest.Author);
        Assert.Equal(TimeSpan.Zero, newest.Date.Offset);
        Assert.Equal(third.Committer.When.UtcDateTime, newest.Date.UtcDateTime);
        Assert.Equal(VersionId.Create(third.Committer.When, third.Sha), newest.Id);
        Assert.Equal(Writer, newest.PathAtCommit);
        Assert.Equal(4, walk.CommitCount);
        Assert.DoesNotContain(family.Versions, v => v.AtShallowBoundary);
        Assert.Empty(_diagnostics.Sorted());
    }

    [Fact]
    public void A_version_text_can_be_read_back_by_blob()
    {
        _repo.Write(Writer, Pages.Family("Technical Writer", "Writes docs")).Commit("Add");
        _repo.Write(Writer, Pages.Family("Technical Writer", "Edits docs")).Commit("Edit");

        using var history = RepositoryHistory.Open(_repo.InputFolder, _diagnostics)!;
        var versions = history.Walk().Families[0].Versions;

        Assert.Contains("Writes docs", history.ReadBlobText(versions[1].BlobSha), StringComparison.Ordinal);
        Assert.Contains("Edits docs", history.ReadBlobText(versions[0].BlobSha), StringComparison.Ordinal);
    }

    [Fact]
    public void Grade_data_changes_are_listed_and_each_version_knows_the_grade_file_of_its_commit()
    {
        // Given grades at 9.5, then a commit that only drops 9.5, then a page edit
        var first = _repo.Write("data/job-grades.yml", Pages.Grades(("9", "Senior Manager"), ("9.5", "Principal")))
            .Write(Writer, Pages.Family("Technical Writer", "Writes docs")).Commit("Add page and grades");
        var regrade = _repo.Write("data/job-grades.yml", Pages.Grades(("9", "Senior Manager"))).Commit("Drop grade 9.5");
        _repo.Write(Writer, Pages.Family("Technical Writer", "Writes docs", "Plans docs")).Commit("Edit page");

        using var history = RepositoryHistory.Open(_repo.InputFolder, _diagnostics)!;
        var walk = history.Walk();

        // Then the grade-only commit is not a page version but is a grade data change
        var versions = walk.Families.Single().Versions;
        Assert.Equal(2, versions.Count);
        Assert.Equal([first.Sha, regrade.Sha], walk.GradeDataChanges.Select(c => c.CommitSha));
        Assert.NotEqual(versions[0].GradeDataBlobSha, versions[1].GradeDataBlobSha);
        Assert.DoesNotContain("9.5", history.ReadBlobText(versions[0].GradeDataBlobSha!), StringComparison.Ordinal);
        Assert.Contains("9.5", history.ReadGradeData(versions[1].CommitSha), StringComparison.Ordinal);
    }

    [Fact]
    public void A_renamed_page_keeps_one_identity_under_its_current_path()
    {
        _repo.Write(Tester, Pages.Family("Tester", "Tests things", "Files bugs", "Automates checks")).Commit("Add tester");
        _repo.Move(Tester, "job-families/engineering/quality-engineer.md").Commit("Rename tester");
        _repo.Write("job-families/engineering/quality-engineer.md", Pages.Family("Tester", "Tests things", "Files bugs", "Automates checks", "Mentors")).Commit("Edit");

        var family = Assert.Single(Walk().Families);

        // A pure rename does not change the content, so it is not a version; the identity follows the page.
        Assert.Equal("job-families/engineering/quality-engineer.md", family.CurrentPath);
        Assert.Equal(["job-families/engineering/quality-engineer.md", Tester], family.Versions.Select(v => v.PathAtCommit));
    }

    [Fact]
    public void A_department_moved_as_a_whole_folder_keeps_its_families_even_when_a_page_is_rewritten_in_the_move()
    {
        // Given a department with an index page and two families
        _repo.Write("job-families/legal/index.html.md", "---\ntitle: Legal\n---\n\nThe legal team.\n")
            .Write("job-families/legal/counsel/index.html.md", Pages.Family("Counsel", "Advises", "Reviews contracts"))
            .Write("job-families/legal/paralegal/index.html.md", Pages.Family("Paralegal", "Files papers"))
            .Commit("Add legal");

        // When the folder is renamed and one page is rewritten entirely in the same commit (below git's similarity)
        _repo.Move("job-families/legal", "job-families/legal-and-corporate-affairs")
            .Write("job-families/legal-and-corporate-affairs/paralegal/index.html.md", "# Entirely new text\n\nNothing in common.\n")
            .Commit("Move legal to legal and corporate affairs");

        var families = Walk().Families;

        // Then every family is found under its new path with its old versions
        Assert.Equal(
            ["job-families/legal-and-corporate-affairs/counsel/index.html.md", "job-families/legal-and-corporate-affairs/index.html.md", "job-families/legal-and-corporate-affairs/paralegal/index.html.md"],
            families.Select(f => f.CurrentPath));
        Assert.Single(families[0].Versions);
        Assert.Equal("job-families/legal/counsel/index.html.md", families[0].Versions[0].PathAtCommit);
        Assert.Equal(
            ["job-families/legal-and-corporate-affairs/paralegal/index.html.md", "job-families/legal/paralegal/index.html.md"],
            families[2].Versions.Select(v => v.PathAtCommit));
    }

    [Fact]
    public void A_version_made_on_a_branch_and_merged_is_counted_once_at_the_branch_commit()
    {
        // Given a page edited on a feature branch while main changes another page, then merged with a merge commit
        var start = _repo.Write(Writer, Pages.Family("Technical Writer", "Writes docs")).Write(Tester, Pages.Family("Tester", "Tests")).Commit("Add pages");
        var main = _repo.MainBranch;
        _repo.Branch("feature");
        var onBranch = _repo.Write(Writer, Pages.Family("Technical Writer", "Writes docs", "Reviews docs")).Commit("Edit writer on branch");
        _repo.Checkout(main);
        _repo.Write(Tester, Pages.Family("Tester", "Tests", "Automates")).Commit("Edit tester on main");
        _repo.Write(Writer, Pages.Family("Technical Writer", "Writes docs", "Reviews docs"));
        var merge = _repo.MergeCommit("Merge branch 'feature' into 'main'", onBranch);

        var walk = Walk();

        // Then the writer's branch edit is one version (not repeated at the merge), and the merge adds none
        var writer = walk.Find(Writer)!;
        Assert.Equal([onBranch.Sha, start.Sha], writer.Versions.Select(v => v.CommitSha));
        Assert.DoesNotContain(walk.Families.SelectMany(f => f.Versions), v => v.CommitSha == merge.Sha);
    }

    [Fact]
    public void A_merge_that_produces_new_content_is_a_version_and_the_newest_version_matches_HEAD()
    {
        // Given both sides edit the same page and the merge resolves the conflict with a third text
        _repo.Write(Writer, Pages.Family("Technical Writer", "Writes docs")).Commit("Add");
        var main = _repo.MainBranch;
        _repo.Branch("feature");
        var onBranch = _repo.Write(Writer, Pages.Family("Technical Writer", "Writes docs", "Branch item")).Commit("Branch edit");
        _repo.Checkout(main);
        _repo.Write(Writer, Pages.Family("Technical Writer", "Writes docs", "Main item")).Commit("Main edit");
        var resolved = Pages.Family("Technical Writer", "Writes docs", "Main item", "Branch item");
        var merge = _repo.Write(Writer, resolved).MergeCommit("Merge feature", onBranch);

        using var history = RepositoryHistory.Open(_repo.InputFolder, _diagnostics)!;
        var versions = history.Walk().Find(Writer)!.Versions;

        Assert.Equal(4, versions.Count);
        Assert.Equal(merge.Sha, versions[0].CommitSha);
        Assert.Equal(resolved, history.ReadBlobText(versions[0].BlobSha));
    }

    [Fact]
    public void A_branch_edit_that_a_merge_threw_away_is_not_a_version_and_the_newest_version_matches_HEAD()
    {
        // Given the branch edit is made after main's edit (so it is walked later) but the merge keeps main's text
        var added = _repo.Write(Writer, Pages.Family("Technical Writer", "Writes docs")).Commit("Add");
        var main = _repo.MainBranch;
        var mainEdit = _repo.Write(Writer, Pages.Family("Technical Writer", "Main text")).Commit("Main edit");
        _repo.Branch("feature");
        Commands_Reset(added);
        var onBranch = _repo.Write(Writer, Pages.Family("Technical Writer", "Branch text")).Commit("Branch edit");
        _repo.Checkout(main);
        _repo.MergeCommit("Merge feature, keeping ours", onBranch);

        using var history = RepositoryHistory.Open(_repo.InputFolder, _diagnostics)!;
        var versions = history.Walk().Find(Writer)!.Versions;

        // Then, like git log's history simplification, the discarded branch edit is not listed
        Assert.Equal([mainEdit.Sha, added.Sha], versions.Select(v => v.CommitSha));
    }

    [Fact]
    public void An_unrelated_merge_is_not_a_version_while_another_branch_edits_the_page()
    {
        // Given main edits the page, another branch edits it too (later, not merged yet), and an unrelated branch
        // forked before main's edit is merged in between
        var added = _repo.Write(Writer, Pages.Family("Technical Writer", "A")).Write(Tester, Pages.Family("Tester", "Tests")).Commit("Add");
        var main = _repo.MainBranch;
        _repo.Branch("unrelated");
        var unrelated = _repo.Write(Tester, Pages.Family("Tester", "Tests", "More")).Commit("Edit tester");
        _repo.Checkout(main);
        var mainEdit = _repo.Write(Writer, Pages.Family("Technical Writer", "Z")).Commit("Main edit");
        _repo.Branch("concurrent");
        Commands_Reset(added);
        var concurrent = _repo.Write(Writer, Pages.Family("Technical Writer", "W")).Commit("Concurrent edit");
        _repo.Checkout(main);
        _repo.Write(Tester, Pages.Family("Tester", "Tests", "More"));
        _repo.MergeCommit("Merge unrelated", unrelated);
        var both = _repo.Write(Writer, Pages.Family("Technical Writer", "Z", "W")).MergeCommit("Merge concurrent", concurrent);

        var versions = Walk().Find(Writer)!.Versions;

        Assert.Equal([both.Sha, concurrent.Sha, mainEdit.Sha, added.Sha], versions.Select(v => v.CommitSha));
    }

    [Fact]
    public void A_page_renamed_on_a_branch_keeps_its_identity_after_the_merge()
    {
        var start = _repo.Write(Tester, Pages.Family("Tester", "Tests things", "Files bugs", "Automates checks")).Commit("Add");
        var main = _repo.MainBranch;
        _repo.Branch("feature");
        _repo.Move(Tester, "job-families/quality/tester.md").Commit("Move tester to quality");
        var edit = _repo.Write("job-families/quality/tester.md", Pages.Family("Tester", "Tests things", "Files bugs", "Automates checks", "Coaches")).Commit("Edit");
        _repo.Checkout(main);
        _repo.Write("README.md", "main moves on").Commit("Unrelated");
        _repo.Move(Tester, "job-families/quality/tester.md").Write("job-families/quality/tester.md", Pages.Family("Tester", "Tests things", "Files bugs", "Automates checks", "Coaches"));
        _repo.MergeCommit("Merge feature", edit);

        var family = Assert.Single(Walk().Families);

        Assert.Equal("job-families/quality/tester.md", family.CurrentPath);
        Assert.Equal([edit.Sha, start.Sha], family.Versions.Select(v => v.CommitSha));
    }

    [Fact]
    public void A_version_that_enters_only_through_a_merge_of_a_grafted_history_is_found_once()
    {
        // Given main, and a root commit of its own (like a grafted import) that holds a new page, merged into main;
        // the merge itself also adds a page that neither parent had
        _repo.Write(Writer, Pages.Family("Technical Writer", "Writes docs")).Commit("Add writer");
        var text = Pages.Family("Tester", "Tests");
        var definition = new LibGit2Sharp.TreeDefinition();
        definition.Add(Tester, _repo.Repo.ObjectDatabase.CreateBlob(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text))), LibGit2Sharp.Mode.NonExecutableFile);
        var signature = new LibGit2Sharp.Signature("Importer", "import@example.com", TestRepository.Start.AddDays(1));
        var grafted = _repo.Repo.ObjectDatabase.CreateCommit(signature, signature, "Imported history", _repo.Repo.ObjectDatabase.CreateTree(definition), [], prettifyMessage: true);
        const string OnlyInMerge = "job-families/engineering/editor.md";
        var merge = _repo.Write(Tester, text).Write(OnlyInMerge, Pages.Family("Editor", "Edits")).MergeCommit("Merge imported history", grafted, TestRepository.Start.AddDays(2));

        var walk = Walk();

        // Then the imported page has one version, at the grafted commit, and the page the merge made is the merge's
        Assert.Equal([grafted.Sha], walk.Find(Tester)!.Versions.Select(v => v.CommitSha));
        Assert.Equal([merge.Sha], walk.Find(OnlyInMerge)!.Versions.Select(v => v.CommitSha));
        Assert.Single(walk.Find(Writer)!.Versions);
    }

    [Fact]
    public void The_input_folder_may_be_a_subfolder_of_the_repository()
    {
        using var repo = new TestRepository("site/input");
        repo.Write(Writer, Pages.Family("Technical Writer", "Writes docs")).Commit("Add");
        File.WriteAllText(Path.Combine(repo.Root, "job-families-outside-input.md"), "not a page");
        repo.Write("data/job-grades.yml", Pages.Grades(("7", "Senior"))).Commit("Grades");

        using var history = RepositoryHistory.Open(repo.InputFolder, _diagnostics)!;
        var walk = history.Walk();

        Assert.Equal(Writer, Assert.Single(walk.Families).CurrentPath);
        Assert.Single(walk.GradeDataChanges);
    }

    [Fact]
    public void Partials_and_files_outside_job_families_are_not_families()
    {
        _repo.Write(Writer, Pages.Family("Technical Writer", "Writes docs"))
            .Write("job-families/engineering/_shared.md", "A partial")
            .Write("job-families/engineering/notes.txt", "not markdown")
            .Write("handbook/index.html.md", "a handbook page")
            .Commit("Add");

        Assert.Equal([Writer], Walk().Families.Select(f => f.CurrentPath));
    }

    [Fact]
    public void Without_a_repository_history_is_disabled_with_one_info_message()
    {
        var folder = Path.Combine(Path.GetTempPath(), "hb-no-repo-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var history = RepositoryHistory.Open(folder, _diagnostics);

            Assert.Null(history);
            var message = Assert.Single(_diagnostics.Sorted());
            Assert.Equal(Severity.Info, message.Severity);
            Assert.Equal(HistoryCodes.NoRepository, message.Code);
            Assert.Equal("no git repository: history disabled", message.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_repository_without_commits_disables_history()
    {
        Assert.Null(RepositoryHistory.Open(_repo.InputFolder, _diagnostics));
        Assert.Equal(HistoryCodes.NoCommits, Assert.Single(_diagnostics.Sorted()).Code);
    }

    [Fact]
    public void Two_walks_give_identical_results()
    {
        _repo.Write(Writer, Pages.Family("Technical Writer", "Writes docs")).Write(Tester, Pages.Family("Tester", "Tests")).Commit("Add");
        _repo.Move(Tester, "job-families/quality/tester.md").Commit("Move");
        _repo.Write(Writer, Pages.Family("Technical Writer", "Writes docs", "More")).Commit("Edit");

        Assert.Equal(Describe(Walk()), Describe(Walk()));
    }

    internal static string Describe(HistoryWalkResult walk) =>
        string.Join('\n', walk.Families.SelectMany(f => f.Versions.Select(v =>
            $"{f.CurrentPath} {v.Id} {v.CommitSha} {v.Date:O} {v.PathAtCommit} {v.BlobSha} {v.GradeDataBlobSha} {v.Subject}")));

    [Fact]
    public void Listing_the_files_of_several_commits_gives_each_commit_its_own_files_when_folders_are_shared()
    {
        // Given a department that changes in every commit beside one that never changes after the first
        const string Sales = "job-families/sales/account-executive.md";
        const string Partial = "job-families/engineering/_shared.md";
        var first = _repo.Write(Tester, "tester v1").Write(Sales, "sales v1").Write(Partial, "partial").Commit("First");
        var second = _repo.Write(Tester, "tester v2").Commit("Second");
        var third = _repo.Write(Writer, "writer").Commit("Third");

        // When the files of every commit are listed with one repository (newest first, then again), and with another filter
        using var history = RepositoryHistory.Open(_repo.InputFolder, _diagnostics)!;
        var listings = new[] { third, second, first, third }
            .Select(c => history.ListFilesAt(c.Sha, _ => true, p => p.EndsWith(".md", StringComparison.Ordinal)))
            .ToList();
        var partialsOnly = history.ListFilesAt(third.Sha, _ => true, p => p.Contains("/_", StringComparison.Ordinal));

        // Then each listing is that commit's tree, as libgit2 reads it afresh, in path order
        Assert.Equal(FilesOf(third), listings[0]);
        Assert.Equal(FilesOf(second), listings[1]);
        Assert.Equal(FilesOf(first), listings[2]);
        Assert.Equal(listings[0], listings[3]);
        Assert.Equal([Partial, Tester, Sales], listings[2].Select(f => f.Path));
        Assert.Equal([Partial, Writer, Tester, Sales], listings[0].Select(f => f.Path));
        Assert.NotEqual(listings[1].Single(f => f.Path == Tester).BlobSha, listings[2].Single(f => f.Path == Tester).BlobSha);
        Assert.Equal([Partial], partialsOnly.Select(f => f.Path));
    }

    // The commit's Markdown files read straight from its tree, without the history's listing.
    private static List<(string Path, string BlobSha)> FilesOf(LibGit2Sharp.Commit commit)
    {
        var files = new List<(string Path, string BlobSha)>();
        void Walk(LibGit2Sharp.Tree tree, string prefix)
        {
            foreach (var entry in tree)
            {
                if (entry.Target is LibGit2Sharp.Tree subtree)
                {
                    Walk(subtree, prefix + entry.Name + "/");
                }
                else if (entry.Name.EndsWith(".md", StringComparison.Ordinal))
                {
                    files.Add((prefix + entry.Name, entry.Target.Sha));
                }
            }
        }

        Walk(commit.Tree, string.Empty);
        return [.. files.OrderBy(f => f.Path, StringComparer.Ordinal)];
    }

    private HistoryWalkResult Walk()
    {
        using var history = RepositoryHistory.Open(_repo.InputFolder, _diagnostics);
        Assert.NotNull(history);
        return history.Walk();
    }

    private void Commands_Reset(LibGit2Sharp.Commit commit) =>
        _repo.Repo.Reset(LibGit2Sharp.ResetMode.Hard, commit);
}
