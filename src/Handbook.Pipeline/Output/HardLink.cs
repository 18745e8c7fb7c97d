namespace Handbook.Pipeline.Output;

using System.Runtime.InteropServices;

/// <summary>
/// Creates hard links (a second name for an existing file, sharing its bytes): how the build cache keeps an output file
/// as a blob without copying its bytes (<see cref="Caching.FileBlobStore"/>).
/// </summary>
/// <remarks>
/// .NET has no API for hard links, so this calls POSIX <c>link(2)</c>. On Windows, or where the call is missing or
/// refused (another file system, no permission, too many links), it returns false and the caller writes the file.
/// </remarks>
internal static class HardLink
{
    /// <summary>Makes <paramref name="link"/> (which must not exist) a hard link to <paramref name="existing"/>; false when that is not possible.</summary>
    public static bool TryCreate(string existing, string link)
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        try
        {
            return NativeLink(existing, link) == 0;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int NativeLink([MarshalAs(UnmanagedType.LPUTF8Str)] string existing, [MarshalAs(UnmanagedType.LPUTF8Str)] string link);
}
