using System;
using System.Security.Cryptography;
using System.Text;

namespace Warehouse.Generators.Emitters;

/// <summary>
/// SHA-256 as lowercase hex, with one hasher per thread: creating a hasher per call (a native handle on Linux)
/// dominated the whole-model step at 1,000 models, where every artifact path and every node checksum is hashed.
/// </summary>
internal static class Hashing
{
    [ThreadStatic]
    private static SHA256? _sha;

    private const string Digits = "0123456789abcdef";

    /// <summary>The first <paramref name="bytes"/> bytes of the SHA-256 of the UTF-8 text, as lowercase hex.</summary>
    public static string Sha256Hex(string text, int bytes = 32)
    {
        var hash = (_sha ??= SHA256.Create()).ComputeHash(Encoding.UTF8.GetBytes(text));
        var hex = new StringBuilder(bytes * 2);
        for (var i = 0; i < Math.Min(bytes, hash.Length); i++)
        {
            hex.Append(Digits[hash[i] >> 4]).Append(Digits[hash[i] & 0xF]);
        }

        return hex.ToString();
    }
}
