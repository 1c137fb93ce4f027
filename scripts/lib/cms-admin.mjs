// @ts-check
// The CMS's admin REST API, as an administrator's browser uses it: log in, create an API token,
// invite an editor. For scripts that set up a CMS they started (e2e suite, audit).

/**
 * A JSON request to the CMS; throws with the answer on anything but 2xx.
 * @param {string} base
 * @param {string} method
 * @param {string} path
 * @param {{ token?: string, body?: unknown }} [options]
 * @returns {Promise<any>}
 */
export async function api(base, method, path, { token, body } = {}) {
  const response = await fetch(new URL(path, base), {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  if (!response.ok) {
    throw new Error(
      `${method} ${path} → ${response.status}: ${typeof json === 'string' ? json : JSON.stringify(json)}`,
    );
  }
  return json;
}

/**
 * @param {string} cmsUrl
 * @param {{ email: string, password: string }} superAdmin
 * @returns {Promise<string>} the admin JWT
 */
export async function adminLogin(cmsUrl, superAdmin) {
  const login = await api(cmsUrl, 'POST', '/admin/login', { body: superAdmin });
  const token = login?.data?.token ?? login?.data?.accessToken;
  if (!token) throw new Error(`POST /admin/login gave no token: ${JSON.stringify(login)}`);
  return token;
}

/**
 * A full-access API token, as an admin creates one in Settings → API Tokens: scripts use it to
 * set up content quickly through the REST API (the editor's own flows go through the admin UI).
 * @param {string} cmsUrl
 * @param {string} token
 * @returns {Promise<string>}
 */
export async function createApiToken(cmsUrl, token) {
  const created = await api(cmsUrl, 'POST', '/admin/api-tokens', {
    token,
    body: { name: 'e2e', description: 'e2e test setup', type: 'full-access', lifespan: null },
  });
  const accessKey = created?.data?.accessKey;
  if (!accessKey) throw new Error(`POST /admin/api-tokens gave no accessKey`);
  return accessKey;
}

/**
 * Creates an admin user with Strapi's Editor role (or the role `roleCode` names, e.g.
 * `clinical-reviewer`), as an admin would in Settings → Users.
 * @param {string} cmsUrl
 * @param {string} token
 * @param {{ firstname: string, lastname: string, email: string, password: string }} editor
 * @param {string} [roleCode]
 */
export async function createEditor(cmsUrl, token, editor, roleCode = 'strapi-editor') {
  const roles = await api(cmsUrl, 'GET', '/admin/roles', { token });
  const editorRole = roles.data.find(
    (/** @type {{ code: string }} */ role) => role.code === roleCode,
  );
  if (!editorRole)
    throw new Error(
      `no ${roleCode} role among ${roles.data.map((/** @type {{ code: string }} */ r) => r.code).join(', ')}`,
    );
  const created = await api(cmsUrl, 'POST', '/admin/users', {
    token,
    body: {
      firstname: editor.firstname,
      lastname: editor.lastname,
      email: editor.email,
      roles: [editorRole.id],
    },
  });
  const registrationToken = created?.data?.registrationToken;
  if (!registrationToken) throw new Error(`POST /admin/users gave no registrationToken`);
  const registered = await api(cmsUrl, 'POST', '/admin/register', {
    body: {
      registrationToken,
      userInfo: {
        firstname: editor.firstname,
        lastname: editor.lastname,
        password: editor.password,
      },
    },
  });
  // The editor is active and has the Editor role only. (No extra login: Strapi rate-limits
  // /admin/login per email, and the tests log in through the admin's login form.)
  const editorToken = registered?.data?.token ?? registered?.data?.accessToken;
  if (!editorToken)
    throw new Error(`POST /admin/register gave no token: ${JSON.stringify(registered)}`);
  const me = await api(cmsUrl, 'GET', '/admin/users/me', { token: editorToken });
  const codes = (me?.data?.roles ?? []).map((/** @type {{ code: string }} */ role) => role.code);
  if (codes.length !== 1 || codes[0] !== roleCode) {
    throw new Error(`the editor's roles are ${JSON.stringify(codes)}, expected ["${roleCode}"]`);
  }
}
