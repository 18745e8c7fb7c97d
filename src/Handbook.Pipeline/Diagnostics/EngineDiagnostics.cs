namespace Handbook.Pipeline.Diagnostics;

/// <summary>
/// The diagnostics the engine itself reports: reading files (IO0xx), limits (LIMIT0xx) and internal errors
/// (INTERNAL0xx, i.e. bugs in a stage, never problems of the input). Kept in one place so the codes, messages and
/// hints stay consistent with the README.
/// </summary>
public static class EngineDiagnostics
{
    /// <summary>Where problems that belong to no input file are reported (a whole stage failing, the output folder).</summary>
    public static readonly SourceLocation SiteLocation = SourceLocation.File("(site)");

    private const string BugHint =
        "this is a bug in the site generator, not in the page; the rest of the build went on. Run with --verbose for the stack trace and report it";

    /// <summary>INTERNAL001: a per-document stage threw for one document; that document is dropped, the others go on.</summary>
    public static Diagnostic StageFailedOnDocument(string stage, string sourcePath, Exception exception) =>
        Diagnostic.Error(
            "INTERNAL001",
            $"stage '{stage}' failed on '{sourcePath}': {Describe(exception)}",
            SourceLocation.File(sourcePath),
            BugHint) with { Detail = exception.ToString() };

    /// <summary>INTERNAL002: a stage that works on the whole set threw; its input is passed on unchanged.</summary>
    public static Diagnostic StageFailed(string stage, Exception exception) =>
        Diagnostic.Error(
            "INTERNAL002",
            $"stage '{stage}' failed: {Describe(exception)}",
            SiteLocation,
            BugHint) with { Detail = exception.ToString() };

    /// <summary>INTERNAL003: a stage produced a destination that would escape or not fit the output folder.</summary>
    public static Diagnostic InvalidDestination(string sourcePath, string destination, string reason) =>
        Diagnostic.Error(
            "INTERNAL003",
            $"output path '{destination}' is not allowed: {reason}",
            SourceLocation.File(sourcePath),
            "destinations are output-relative and '/'-separated, e.g. 'job-families/engineering/backend/index.html'; this file was not written");

    /// <summary>INTERNAL004: two documents want the same output file; the first in source order is written.</summary>
    public static Diagnostic DuplicateDestination(string sourcePath, string destination, string firstSourcePath) =>
        Diagnostic.Error(
            "INTERNAL004",
            $"output path '{destination}' is also produced by '{firstSourcePath}'",
            SourceLocation.File(sourcePath),
            "two pages map to the same URL: rename or move one of them (check slugs and index pages)");

    /// <summary>INTERNAL005: writing the output failed; the previous output folder was left as it was.</summary>
    public static Diagnostic WriteFailed(string sourcePath, Exception exception) =>
        Diagnostic.Error(
            "INTERNAL005",
            $"writing the output failed: {Describe(exception)}",
            SourceLocation.File(sourcePath),
            "the previous output folder was left untouched; check free disk space and permissions of the output folder's parent") with { Detail = exception.ToString() };

    /// <summary>IO001: a file contains NUL bytes, so it is not a text file.</summary>
    public static Diagnostic BinaryFile(string path, long offset) =>
        Diagnostic.Error(
            "IO001",
            $"file looks binary (NUL byte at offset {offset}); it was skipped",
            SourceLocation.File(path),
            "only text files belong under this pattern: move images and other binaries out of it, or re-save the file as UTF-8 text");

    /// <summary>IO002: a file is not valid UTF-8.</summary>
    public static Diagnostic InvalidUtf8(string path, int line, int column, byte invalidByte) =>
        Diagnostic.Error(
            "IO002",
            $"file is not valid UTF-8 (byte 0x{invalidByte:X2}); it was skipped",
            new SourceLocation(path, line, column),
            "re-save the file as UTF-8 (it was probably saved as Windows-1252 or Latin-1)");

    /// <summary>IO003: a symbolic link leads outside the input folder.</summary>
    public static Diagnostic SymlinkEscapes(string path) =>
        Diagnostic.Error(
            "IO003",
            "symbolic link points outside the input folder; it was not followed",
            SourceLocation.File(path),
            "copy the file into the input folder or point the link at a file inside it");

    /// <summary>IO004: the file could not be read (permissions, vanished while reading).</summary>
    public static Diagnostic ReadFailed(string path, Exception exception) =>
        Diagnostic.Error(
            "IO004",
            $"file could not be read: {exception.Message}",
            SourceLocation.File(path),
            "check that the file exists and is readable by the user running the build");

    /// <summary>IO005: the input folder itself is missing.</summary>
    public static Diagnostic InputFolderMissing(string folderName) =>
        Diagnostic.Error(
            "IO005",
            $"input folder '{folderName}' does not exist",
            SiteLocation,
            "run the build from the repository root or pass the input folder explicitly");

    /// <summary>IO006: the output folder is the input folder or contains it; replacing it would delete the sources.</summary>
    public static Diagnostic OutputContainsInput(string outputFolderName) =>
        Diagnostic.Error(
            "IO006",
            $"output folder '{outputFolderName}' is the input folder or contains it; nothing was written",
            SiteLocation,
            "choose an output folder outside the input folder, e.g. 'output' beside 'input'");

    /// <summary>LIMIT001: a file is larger than the configured limit.</summary>
    public static Diagnostic FileTooLarge(string path, long size, long limit) =>
        Diagnostic.Error(
            "LIMIT001",
            $"file is {size:N0} bytes, more than the limit of {limit:N0} bytes; it was skipped",
            SourceLocation.File(path),
            "split the page into smaller pages, or raise the limit if the file is really meant to be this large");

    private static string Describe(Exception exception) => $"{exception.GetType().Name}: {exception.Message}";
}
