using C2C.Core.Ports;
using System.Xml;

namespace C2C.Adapters.Security.XmlDsig;

/// <summary>
/// Structural and algorithm checks done on the raw XML before any cryptography. They defeat signature wrapping
/// by construction: exactly one signature, the last child of the root, one reference to the whole document
/// (URI=""), no ds:Object; and they keep weak or dangerous algorithms from ever being run.
/// </summary>
internal static class SignatureStructure
{
    private const string ExcC14NNamespace = "http://www.w3.org/2001/10/xml-exc-c14n#";

    /// <summary>The single signature of the document, or the failure explaining why there is none usable.</summary>
    public static (XmlElement? Signature, SignatureVerificationResult? Failure) Locate(XmlDocument document)
    {
        var root = document.DocumentElement!;
        var signatures = document.GetElementsByTagName("Signature", DsigAlgorithms.Namespace);
        if (signatures.Count == 0)
            return (null, SignatureVerificationResult.Of(SignatureVerdict.Missing, "message carries no ds:Signature"));
        if (signatures.Count > 1)
            return (null, SignatureVerificationResult.Of(SignatureVerdict.WrappingSuspected, $"message carries {signatures.Count} ds:Signature elements; exactly one is accepted"));
        var signature = (XmlElement)signatures[0]!;
        if (signature.ParentNode != root)
            return (null, SignatureVerificationResult.Of(SignatureVerdict.WrappingSuspected, $"ds:Signature is under '{signature.ParentNode?.LocalName}', not a child of the message root '{root.LocalName}'"));
        if (Elements(root).Last() != signature)
            return (null, SignatureVerificationResult.Of(SignatureVerdict.WrappingSuspected, "ds:Signature is not the last child of the message root"));
        return (signature, null);
    }

    /// <summary>Checks SignedInfo; returns the signature method on success.</summary>
    public static (string? SignatureMethod, SignatureVerificationResult? Failure) Inspect(XmlElement signature)
    {
        var children = Elements(signature).ToList();
        if (children.Any(e => IsDsig(e, "Object")))
            return (null, Fail(SignatureVerdict.WrappingSuspected, "ds:Object inside the signature is not accepted (unsigned content)"));
        if (children.Count is < 2 or > 3 || !IsDsig(children[0], "SignedInfo") || !IsDsig(children[1], "SignatureValue")
            || (children.Count == 3 && !IsDsig(children[2], "KeyInfo")))
            return (null, Fail(SignatureVerdict.Invalid, "ds:Signature must hold SignedInfo, SignatureValue and optionally KeyInfo, in that order"));

        var signedInfo = Elements(children[0]).ToList();
        var references = signedInfo.Where(e => IsDsig(e, "Reference")).ToList();
        if (references.Count != 1)
            return (null, Fail(SignatureVerdict.WrappingSuspected, $"SignedInfo holds {references.Count} references; exactly one, to the whole document, is accepted"));
        if (signedInfo.Count != 3 || !IsDsig(signedInfo[0], "CanonicalizationMethod") || !IsDsig(signedInfo[1], "SignatureMethod"))
            return (null, Fail(SignatureVerdict.Invalid, "SignedInfo must hold CanonicalizationMethod, SignatureMethod and one Reference, in that order"));
        var reference = references[0];
        var uri = reference.GetAttributeNode("URI");
        if (uri is null)
            return (null, Fail(SignatureVerdict.WrappingSuspected, "Reference has no URI; only URI=\"\" (the whole document) is accepted"));
        if (uri.Value.Length != 0)
            return (null, Fail(SignatureVerdict.WrappingSuspected, uri.Value.StartsWith('#')
                ? $"Reference URI '{uri.Value}' selects an element by Id; only URI=\"\" (the whole document) is accepted"
                : $"Reference URI '{uri.Value}' points outside the document; only URI=\"\" (the whole document) is accepted"));

        var canonicalization = Algorithm(signedInfo[0]);
        if (!DsigAlgorithms.Canonicalizations.Contains(canonicalization) || !HasOnlyInclusiveNamespaces(signedInfo[0], canonicalization))
            return (null, Fail(SignatureVerdict.DisallowedAlgorithm, $"canonicalization method '{canonicalization}' is not allowed"));
        var method = Algorithm(signedInfo[1]);
        if (!DsigAlgorithms.IsAllowedSignatureMethod(method) || Elements(signedInfo[1]).Any())
            return (null, Fail(SignatureVerdict.DisallowedAlgorithm, $"signature method '{method}' is not allowed", method));
        var referenceFailure = InspectReference(reference, method);
        return referenceFailure is null ? (method, null) : (null, referenceFailure);
    }

    private static SignatureVerificationResult? InspectReference(XmlElement reference, string method)
    {
        var parts = Elements(reference).ToList();
        var transformsElement = parts.FirstOrDefault(e => IsDsig(e, "Transforms"));
        var expected = transformsElement is null ? 2 : 3;
        if (parts.Count != expected || !IsDsig(parts[^2], "DigestMethod") || !IsDsig(parts[^1], "DigestValue") || (transformsElement is not null && parts[0] != transformsElement))
            return Fail(SignatureVerdict.Invalid, "Reference must hold Transforms, DigestMethod and DigestValue, in that order", method);
        var transforms = transformsElement is null ? [] : Elements(transformsElement).ToList();
        if (transforms.Any(t => !IsDsig(t, "Transform")) || transforms.Count is 0 or > 2)
            return Fail(SignatureVerdict.DisallowedAlgorithm, "the reference must use the enveloped-signature transform, optionally followed by one canonicalization", method);
        for (var i = 0; i < transforms.Count; i++)
        {
            var algorithm = Algorithm(transforms[i]);
            var allowed = i == 0
                ? algorithm == DsigAlgorithms.EnvelopedSignature && !Elements(transforms[i]).Any()
                : DsigAlgorithms.Canonicalizations.Contains(algorithm) && HasOnlyInclusiveNamespaces(transforms[i], algorithm);
            if (!allowed)
                return Fail(SignatureVerdict.DisallowedAlgorithm, $"transform '{algorithm}' is not allowed at position {i + 1}", method);
        }
        var digest = Algorithm(parts[^2]);
        return DsigAlgorithms.DigestMethods.Contains(digest)
            ? null
            : Fail(SignatureVerdict.DisallowedAlgorithm, $"digest method '{digest}' is not allowed", method);
    }

    /// <summary>Exclusive c14n may carry an InclusiveNamespaces prefix list; nothing else may have parameters.</summary>
    private static bool HasOnlyInclusiveNamespaces(XmlElement element, string algorithm)
    {
        var parameters = Elements(element).ToList();
        return parameters.Count == 0
            || (algorithm == DsigAlgorithms.ExclusiveC14N && parameters.Count == 1
                && parameters[0].LocalName == "InclusiveNamespaces" && parameters[0].NamespaceURI == ExcC14NNamespace);
    }

    private static string Algorithm(XmlElement element) => element.GetAttribute("Algorithm");

    private static bool IsDsig(XmlElement element, string localName) =>
        element.LocalName == localName && element.NamespaceURI == DsigAlgorithms.Namespace;

    internal static IEnumerable<XmlElement> Elements(XmlNode node) => node.ChildNodes.OfType<XmlElement>();

    private static SignatureVerificationResult Fail(SignatureVerdict status, string reason, string? method = null) =>
        SignatureVerificationResult.Of(status, reason, method: method);
}
