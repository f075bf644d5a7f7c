using System.Security.Cryptography;
using C2C.Core.Ports;

namespace C2C.Core.Archive;

/// <summary>One verdict of an integrity check, for the auditor: what was checked, on what, and why it failed.</summary>
public sealed record IntegrityCheck(string Check, string Subject, bool Passed, string Detail);
