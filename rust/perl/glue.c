/*
 * The C half of the Perl/Rust boundary.
 *
 * Perl offers much of its API only as macros or static inline functions
 * (dXSARGS, ST(n), SvPV, SvREFCNT_dec, JMPENV_PUSH, the boot handshake...).
 * This file wraps exactly those in real functions that Rust can call, and
 * holds the two places where control may leave by longjmp:
 *   - sysvirt_xs_dispatch, the one XSUB behind every Rust method: it croaks
 *     only after the Rust body has returned (rule 1 of
 *     ../shared/docs/perl-rust-boundary.md);
 *   - the sysvirt_*_protected helpers, which run Perl operations that can
 *     execute user code (tie, overload, __WARN__) under JMPENV and hand the
 *     failure back to Rust as a return code instead of unwinding (rule 2).
 * Every function takes the interpreter explicitly (pTHX_, rule 5).
 */
#define PERL_NO_GET_CONTEXT
#include "EXTERN.h"
#include "perl.h"
#include "XSUB.h"

#include <signal.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Rust side (rust/perl/dispatch.rs, rust/lib.rs).                     */

#define SYSVIRT_INLINE_RETURNS 4

typedef struct {
    int failed;   /* one of the three below is set */
    SV *croak;    /* mortal SV to croak with, or NULL */
    const char *warn; /* message to warn, then return undef, or NULL */
    int rethrow;  /* JMPENV code of a Perl die caught in a conversion */
    /* Return values: when count <= SYSVIRT_INLINE_RETURNS they are in
     * vals and stored here; a longer list was put on the stack by Rust. */
    I32 count;
    SV *vals[SYSVIRT_INLINE_RETURNS];
    /* When set, the first value is stored here in the call's target SV
     * (vals[0] is then unused): 1 signed targ_iv, 2 unsigned targ_iv,
     * 3 the C string targ_pv (alive until we return), 4 the same, then
     * free()d. */
    int targ;
    IV targ_iv;
    char *targ_pv;
} sysvirt_outcome;

/* The head of every registered entry (XsEntry in dispatch.rs). */
typedef struct {
    U16 self_class;   /* class of the object in ST(0), or 0 */
} sysvirt_entry_head;

/* What the dispatcher found in ST(0) (Checked in dispatch.rs). */
typedef struct {
    int status;       /* as sysvirt_handle_get */
    void *ptr;
} sysvirt_checked;

extern void sysvirt_rust_dispatch(pTHX_ void *entry, I32 ax, I32 items,
                                  sysvirt_checked self, sysvirt_outcome *out);
extern SV *sysvirt_rust_boot(pTHX);

/* ------------------------------------------------------------------ */
/* Object handles: a blessed reference to a scalar holding the libvirt */
/* pointer in its IV, as the C original does. The scalar's NV slot      */
/* (unused: NOK stays off) holds a seal computed from the pointer, the  */
/* class and a per-process secret, so a forged object, an object of    */
/* another class or one whose IV was overwritten is refused instead of  */
/* being handed to libvirt. No allocation beyond the original's.        */

static UV sysvirt_secret;

void sysvirt_handles_init(UV seed)
{
    if (!sysvirt_secret)
        sysvirt_secret = (seed | 1) * (UV)0x9E3779B97F4A7C15ULL;
}

static UV sysvirt_seal(UV ptr, U16 classid)
{
    UV x = (ptr ^ sysvirt_secret) * (UV)0xBF58476D1CE4E5B9ULL;
    return (x ^ (x >> 31)) + classid;
}

static void sysvirt_set_seal(SV *obj, UV seal)
{
    NV nv;
    memcpy(&nv, &seal, sizeof nv);
    ((XPVNV *)SvANY(obj))->xnv_u.xnv_nv = nv;
}

static int sysvirt_sealed(SV *obj, U16 classid)
{
    UV seal;
    NV nv = ((XPVNV *)SvANY(obj))->xnv_u.xnv_nv;
    memcpy(&seal, &nv, sizeof seal);
    return SvIOK(obj) && seal == sysvirt_seal((UV)SvIVX(obj), classid);
}

SV *sysvirt_handle_new(pTHX_ const char *pkg, void *ptr, U16 classid)
{
    SV *rv = newSV(0);
    sv_setref_pv(rv, pkg, ptr);
    /* bless upgraded the referent to a PVMG, which has an NV slot */
    sysvirt_set_seal(SvRV(rv), sysvirt_seal(PTR2UV(ptr), classid));
    return rv;
}

/* 0: *ptr set.  1: not a blessed reference (the caller warns, as the
 * original typemap does).  2: a blessed reference that is not a handle
 * of this class. */
static inline int sysvirt_handle_check(pTHX_ SV *sv, U16 classid, void **ptr)
{
    SV *obj;
    if (!(SvROK(sv) && SvOBJECT(SvRV(sv)) && SvTYPE(SvRV(sv)) == SVt_PVMG))
        return 1;
    obj = SvRV(sv);
    if (!sysvirt_sealed(obj, classid))
        return 2;
    *ptr = INT2PTR(void *, SvIVX(obj));
    return 0;
}

int sysvirt_handle_get(pTHX_ SV *sv, U16 classid, void **ptr)
{
    return sysvirt_handle_check(aTHX_ sv, classid, ptr);
}

/* ------------------------------------------------------------------ */
/* SIGPIPE.  libvirt writes to its sockets with write(2): when a daemon  */
/* went away before the event loop noticed, a program with the default  */
/* disposition (Perl's) is killed by SIGPIPE, without a word.  While an  */
/* XSUB runs, our handler lets the write fail with EPIPE instead, which  */
/* libvirt reports as an error; anywhere else it does what the default   */
/* would have done.  Installed only over the default: a program's own    */
/* $SIG{PIPE} (or a later one) wins.                                     */

static __thread int sysvirt_in_xsub __attribute__((tls_model("initial-exec")));

static void sysvirt_on_sigpipe(int sig)
{
    if (sysvirt_in_xsub)
        return;
    signal(sig, SIG_DFL);
    raise(sig);     /* delivered once this handler returns */
}

static void sysvirt_sigpipe_init(void)
{
    struct sigaction old, sa;
    if (sigaction(SIGPIPE, NULL, &old) != 0 || (old.sa_flags & SA_SIGINFO) ||
        old.sa_handler != SIG_DFL)
        return;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = sysvirt_on_sigpipe;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGPIPE, &sa, NULL);
}

/* ------------------------------------------------------------------ */
/* The generic XSUB.                                                   */

XS_INTERNAL(sysvirt_xs_dispatch)
{
    dXSARGS;
    const sysvirt_entry_head *entry = (const sysvirt_entry_head *)CvXSUBANY(cv).any_ptr;
    sysvirt_outcome out;
    sysvirt_checked self;
    I32 i;
    PERL_UNUSED_VAR(mark);

    out.failed = 0;
    out.count = 0;
    out.targ = 0;
    self.status = 0;
    self.ptr = NULL;
    /* The object argument is checked here, on the hot path, in C. */
    if (entry->self_class && items > 0)
        self.status = sysvirt_handle_check(aTHX_ ST(0), entry->self_class, &self.ptr);
    sysvirt_in_xsub++;
    sysvirt_rust_dispatch(aTHX_ CvXSUBANY(cv).any_ptr, ax, items, self, &out);
    sysvirt_in_xsub--;
    if (out.failed) {
        /* Every Rust frame is gone: leaving by longjmp is safe. */
        if (out.rethrow)
            JMPENV_JUMP(out.rethrow);
        if (out.croak)
            croak_sv(out.croak);
        warn("%s", out.warn);
        XSRETURN_UNDEF;
    }
    if (out.targ) {
        /* xsubpp's dXSTARG: the pad SV reserved for this call's result */
        SV *targ = (PL_op->op_private & OPpENTERSUB_HASTARG) ? PAD_SV(PL_op->op_targ)
                                                             : sv_newmortal();
        if (out.targ == 1) {
            sv_setiv(targ, out.targ_iv);
        } else if (out.targ == 2) {
            sv_setuv(targ, (UV)out.targ_iv);
        } else {
            sv_setpv(targ, out.targ_pv);
            SvUTF8_off(targ);
            if (out.targ == 4)
                free(out.targ_pv);
        }
        SvSETMAGIC(targ);
        out.vals[0] = targ;
    }
    if (out.count == 1 && items > 0) {
        ST(0) = out.vals[0];
        XSRETURN(1);
    }
    if (out.count <= SYSVIRT_INLINE_RETURNS) {
        if (out.count > items) {
            sp = PL_stack_base + ax - 1;
            EXTEND(sp, out.count);
        }
        for (i = 0; i < out.count; i++)
            ST(i) = out.vals[i];
    }
    XSRETURN(out.count);
}

void sysvirt_newxs(pTHX_ const char *name, const char *proto, void *entry)
{
    CV *cv = newXS_flags(name, sysvirt_xs_dispatch, "Virt.c", proto, 0);
    CvXSUBANY(cv).any_ptr = entry;
}

/* The boot XSUB body: version handshake (croaks on a stale .so, rule 8),
 * registration by Rust, epilog.  Called from the Rust boot_Sys__Virt shim,
 * whose frame owns nothing. */
void sysvirt_boot(pTHX_ CV *cv)
{
    I32 ax = XS_BOTHVERSION_SETXSUBFN_POPMARK_BOOTCHECK;
    SV *err;
    sysvirt_sigpipe_init();
    err = sysvirt_rust_boot(aTHX);
    if (err)
        croak_sv(err);
    Perl_xs_boot_epilog(aTHX_ ax);
}

void sysvirt_newconst_iv(pTHX_ const char *pkg, const char *name, IV v)
{
    newCONSTSUB(gv_stashpv(pkg, GV_ADD), name, newSViv(v));
}

void sysvirt_newconst_uv(pTHX_ const char *pkg, const char *name, UV v)
{
    newCONSTSUB(gv_stashpv(pkg, GV_ADD), name, newSVuv(v));
}

void sysvirt_newconst_pv(pTHX_ const char *pkg, const char *name, const char *v)
{
    newCONSTSUB(gv_stashpv(pkg, GV_ADD), name, newSVpv(v, 0));
}

/* ------------------------------------------------------------------ */
/* The argument stack.                                                 */

SV *sysvirt_stack_arg(pTHX_ I32 ax, I32 i)
{
    return PL_stack_base[ax + i];
}

/* Store n return values starting at ST(0), growing the stack first.
 * Nothing keeps a pointer into the stack across the EXTEND (rule 6). */
void sysvirt_stack_put(pTHX_ I32 ax, SV **vals, I32 n)
{
    SV **sp = PL_stack_base + ax - 1;
    I32 i;
    EXTEND(sp, n);
    for (i = 0; i < n; i++)
        PL_stack_base[ax + i] = vals[i];
}

/* ------------------------------------------------------------------ */
/* Building values.  All return new (refcount 1) SVs unless noted.     */

SV *sysvirt_new_iv(pTHX_ IV v) { return newSViv(v); }
SV *sysvirt_new_uv(pTHX_ UV v) { return newSVuv(v); }
SV *sysvirt_new_nv(pTHX_ NV v) { return newSVnv(v); }
SV *sysvirt_new_pvn(pTHX_ const char *p, STRLEN n) { return newSVpvn(p, n); }
SV *sysvirt_new_undef(pTHX) { return newSV(0); }
SV *sysvirt_new_rv_noinc(pTHX_ SV *sv) { return newRV_noinc(sv); }
HV *sysvirt_new_hv(pTHX) { return newHV(); }
AV *sysvirt_new_av(pTHX) { return newAV(); }
SV *sysvirt_sv_undef(pTHX) { return &PL_sv_undef; }
SV *sysvirt_mortal(pTHX_ SV *sv) { return sv_2mortal(sv); }
void sysvirt_refcnt_dec(pTHX_ SV *sv) { SvREFCNT_dec(sv); }
SV *sysvirt_refcnt_inc(pTHX_ SV *sv) { return SvREFCNT_inc(sv); }
SV *sysvirt_new_copy(pTHX_ SV *sv) { return newSVsv(sv); }

/* The sub call's target: the pad SV perl reserves for an XSUB's single
 * return value (xsubpp's dXSTARG), or a new mortal when the call has none.
 * Setting it avoids allocating and freeing an SV per call. */
static SV *sysvirt_targ(pTHX)
{
    return (PL_op->op_private & OPpENTERSUB_HASTARG) ? PAD_SV(PL_op->op_targ)
                                                     : sv_newmortal();
}

SV *sysvirt_targ_pvn(pTHX_ const char *p, STRLEN n)
{
    SV *targ = sysvirt_targ(aTHX);
    sv_setpvn(targ, p, n);
    SvUTF8_off(targ);
    SvSETMAGIC(targ);
    return targ;
}

SV *sysvirt_targ_pv(pTHX_ const char *p)
{
    SV *targ = sysvirt_targ(aTHX);
    sv_setpv(targ, p);
    SvUTF8_off(targ);
    SvSETMAGIC(targ);
    return targ;
}

/* Takes over the reference to val. */
void sysvirt_hv_store(pTHX_ HV *hv, const char *key, I32 klen, SV *val)
{
    if (!hv_store(hv, key, klen, val, 0))
        SvREFCNT_dec(val);
}

/* Removes the first element, handing its reference to the caller (NULL
 * when empty). */
SV *sysvirt_av_shift_noinc(pTHX_ AV *av)
{
    return av_count(av) > 0 ? av_shift(av) : NULL;
}

/* Takes over the reference to val. */
void sysvirt_av_push(pTHX_ AV *av, SV *val) { av_push(av, val); }

SV *sysvirt_bless(pTHX_ SV *rv, const char *pkg)
{
    return sv_bless(rv, gv_stashpv(pkg, GV_ADD));
}

/* ------------------------------------------------------------------ */
/* Reading values.  Plain values take the fast path; anything magical  */
/* or overloaded, or a conversion that may warn, runs under JMPENV.    */

typedef struct {
    IV iv;
    UV uv;
    NV nv;
    const char *pv;
    STRLEN len;
    int defined;
    int truth;
} sysvirt_scalar;

enum { SYSVIRT_IV = 1, SYSVIRT_UV, SYSVIRT_NV, SYSVIRT_PV, SYSVIRT_BOOL, SYSVIRT_DEFINED };

static void sysvirt_read_nomg(pTHX_ SV *sv, int what, sysvirt_scalar *out)
{
    out->defined = SvOK(sv) ? 1 : 0;
    switch (what) {
    case SYSVIRT_IV: out->iv = SvIV_nomg(sv); break;
    case SYSVIRT_UV: out->uv = SvUV_nomg(sv); break;
    case SYSVIRT_NV: out->nv = SvNV_nomg(sv); break;
    case SYSVIRT_PV: out->pv = SvPV_nomg(sv, out->len); break;
    case SYSVIRT_BOOL: out->truth = SvTRUE_nomg(sv) ? 1 : 0; break;
    default: break;
    }
}

int sysvirt_sv_read(pTHX_ SV *sv, int what, sysvirt_scalar *out)
{
    dJMPENV;
    int ret;

    if (!SvGMAGICAL(sv) && !SvAMAGIC(sv)) {
        out->defined = SvOK(sv) ? 1 : 0;
        switch (what) {
        case SYSVIRT_IV:
            if (SvIOK(sv) && !SvIsUV(sv)) { out->iv = SvIVX(sv); return 0; }
            break;
        case SYSVIRT_UV:
            if (SvIOK(sv) && (SvIsUV(sv) || SvIVX(sv) >= 0)) { out->uv = SvUVX(sv); return 0; }
            break;
        case SYSVIRT_PV:
            if (SvPOK(sv)) { out->pv = SvPVX(sv); out->len = SvCUR(sv); return 0; }
            break;
        case SYSVIRT_BOOL:
            if (!SvROK(sv)) { out->truth = SvTRUE_nomg(sv) ? 1 : 0; return 0; }
            break;
        case SYSVIRT_DEFINED:
            return 0;
        default:
            break;
        }
    }
    JMPENV_PUSH(ret);
    if (ret == 0) {
        SvGETMAGIC(sv);
        sysvirt_read_nomg(aTHX_ sv, what, out);
    }
    JMPENV_POP;
    return ret;
}

/* Dereference: the HV/AV/CV behind a reference, or NULL. */
HV *sysvirt_deref_hv(pTHX_ SV *sv)
{
    return (SvROK(sv) && SvTYPE(SvRV(sv)) == SVt_PVHV) ? (HV *)SvRV(sv) : NULL;
}

AV *sysvirt_deref_av(pTHX_ SV *sv)
{
    return (SvROK(sv) && SvTYPE(SvRV(sv)) == SVt_PVAV) ? (AV *)SvRV(sv) : NULL;
}

int sysvirt_is_code_ref(pTHX_ SV *sv)
{
    return SvROK(sv) && SvTYPE(SvRV(sv)) == SVt_PVCV;
}

/* *out = the value at key, or NULL if absent.  Tied hashes run FETCH. */
int sysvirt_hv_fetch_protected(pTHX_ HV *hv, const char *key, I32 klen, SV **out)
{
    dJMPENV;
    int ret;
    SV **svp;
    if (!SvRMAGICAL((SV *)hv)) {
        svp = hv_fetch(hv, key, klen, 0);
        *out = svp ? *svp : NULL;
        return 0;
    }
    JMPENV_PUSH(ret);
    if (ret == 0) {
        svp = hv_fetch(hv, key, klen, 0);
        *out = svp ? *svp : NULL;
    }
    JMPENV_POP;
    return ret;
}

int sysvirt_av_len_protected(pTHX_ AV *av, SSize_t *len)
{
    dJMPENV;
    int ret;
    if (!SvRMAGICAL((SV *)av)) {
        *len = av_top_index(av) + 1;
        return 0;
    }
    JMPENV_PUSH(ret);
    if (ret == 0)
        *len = av_top_index(av) + 1;
    JMPENV_POP;
    return ret;
}

/* *out = element i, or NULL for a hole. */
int sysvirt_av_fetch_protected(pTHX_ AV *av, SSize_t i, SV **out)
{
    dJMPENV;
    int ret;
    SV **svp;
    if (!SvRMAGICAL((SV *)av)) {
        svp = av_fetch(av, i, 0);
        *out = svp ? *svp : NULL;
        return 0;
    }
    JMPENV_PUSH(ret);
    if (ret == 0) {
        svp = av_fetch(av, i, 0);
        *out = svp ? *svp : NULL;
    }
    JMPENV_POP;
    return ret;
}

/* Assign a string to an existing SV (e.g. an auth callback's result),
 * running its set magic. */
int sysvirt_sv_setpvn_protected(pTHX_ SV *sv, const char *p, STRLEN n)
{
    dJMPENV;
    int ret;
    JMPENV_PUSH(ret);
    if (ret == 0)
        sv_setpvn_mg(sv, p, n);
    JMPENV_POP;
    return ret;
}

/* ------------------------------------------------------------------ */
/* Calling Perl from a libvirt callback (rule 4): always G_EVAL.       */

/* Calls cb with n arguments in `context` (G_SCALAR or G_LIST).  Returns
 * 0 on success with *results a new array of copies of the returned
 * values, or 1 when the callback died, with *results a one-element array
 * holding a copy of $@. */
int sysvirt_call_eval(pTHX_ SV *cb, SV **args, I32 n, I32 context, AV **results)
{
    dSP;
    I32 i, count;
    int failed;
    int in_xsub = sysvirt_in_xsub;
    AV *out = newAV();
    sysvirt_in_xsub = 0;    /* the callback's own writes are the program's */
    ENTER;
    SAVETMPS;
    PUSHMARK(SP);
    EXTEND(SP, n);
    for (i = 0; i < n; i++)
        PUSHs(args[i]);
    PUTBACK;
    count = call_sv(cb, context | G_EVAL);
    SPAGAIN;
    failed = SvTRUE(ERRSV) ? 1 : 0;
    if (failed) {
        SP -= count;
        av_push(out, newSVsv(ERRSV));
    } else {
        av_extend(out, count);
        for (i = 0; i < count; i++)
            av_store(out, i, newSVsv(*(SP - count + 1 + i)));
        SP -= count;
    }
    PUTBACK;
    FREETMPS;
    LEAVE;
    sysvirt_in_xsub = in_xsub;
    *results = out;
    return failed;
}

int sysvirt_g_scalar(void) { return G_SCALAR; }
int sysvirt_g_list(void) { return G_LIST; }

int sysvirt_handle_arg(pTHX_ I32 ax, I32 i, U16 classid, void **ptr)
{
    return sysvirt_handle_get(aTHX_ PL_stack_base[ax + i], classid, ptr);
}

/* For DESTROY: returns the pointer and clears it (the handle stays valid
 * with a NULL pointer, which libvirt rejects), so it is freed once. */
void *sysvirt_handle_take(pTHX_ SV *sv, U16 classid)
{
    void *ptr = NULL;
    SV *obj;
    if (sysvirt_handle_get(aTHX_ sv, classid, &ptr) != 0)
        return NULL;
    obj = SvRV(sv);
    SvIV_set(obj, 0);
    sysvirt_set_seal(obj, sysvirt_seal(0, classid));
    return ptr;
}

/* ------------------------------------------------------------------ */
/* Hooks libvirt calls without user data (virEventRegisterImpl's).     */

/* The interpreter running on this thread (dTHX), or NULL on a thread  */
/* perl does not know. */
void *sysvirt_current_interpreter(void)
{
    return (void *)PERL_GET_CONTEXT;
}

/* The named sub (a CV, usable as the callback of sysvirt_call_eval),  */
/* or NULL when it is not defined.  No Perl code runs. */
SV *sysvirt_get_cv(pTHX_ const char *name)
{
    return (SV *)get_cv(name, 0);
}

/* The scalar behind a reference to a plain scalar (\$x), or NULL. */
SV *sysvirt_deref_scalar(pTHX_ SV *sv)
{
    return (SvROK(sv) && SvTYPE(SvRV(sv)) < SVt_PVAV) ? SvRV(sv) : NULL;
}
