/** The session screens' words: forced password change, idle sign-out, park switch. */
const zhCN = {
  session: {
    idle: {
      title: '即将自动退出登录',
      body: '您已有一段时间未操作。为保护数据安全，系统将在 {seconds} 秒后自动退出登录。',
      stay: '保持登录',
      signOut: '立即退出',
    },
    password: {
      title: '修改密码',
      forcedIntro: '您正在使用临时密码。请先设置新密码，然后继续使用系统。',
      intro: '设置新密码后，您在其他设备上的登录将全部失效。',
      current: '当前密码（临时密码）',
      new: '新密码',
      confirm: '确认新密码',
      submit: '修改密码并继续',
      currentRequired: '请输入当前密码',
      newRequired: '请输入新密码',
      confirmMismatch: '两次输入的新密码不一致',
      policyTitle: '密码要求',
      policyLength: '长度 {min}–{max} 个字符',
      policyClasses: '至少包含小写字母、大写字母、数字、符号中的 {n} 类',
      policyEmail: '不能包含您的邮箱或邮箱用户名',
      policyHistory: '不能与最近 {n} 次使用过的密码相同',
      done: '密码已修改',
      signOut: '退出登录',
    },
    park: {
      switch: '切换园区',
      current: '当前园区',
      switching: '正在切换到 {name}…',
      failed: '切换园区失败',
    },
  },
}

const en: typeof zhCN = {
  session: {
    idle: {
      title: 'You will be signed out soon',
      body: 'You have been inactive for a while. To keep the data safe, you will be signed out in {seconds} s.',
      stay: 'Stay signed in',
      signOut: 'Sign out now',
    },
    password: {
      title: 'Change password',
      forcedIntro: 'You are using a temporary password. Set a new one to continue.',
      intro: 'Once the password is changed, your sessions on other devices end.',
      current: 'Current (temporary) password',
      new: 'New password',
      confirm: 'Confirm new password',
      submit: 'Change password and continue',
      currentRequired: 'Enter your current password',
      newRequired: 'Enter a new password',
      confirmMismatch: 'The two new passwords differ',
      policyTitle: 'Password rules',
      policyLength: '{min} to {max} characters',
      policyClasses: 'At least {n} of: lower-case letters, upper-case letters, digits, symbols',
      policyEmail: 'Not your email address or its user name',
      policyHistory: 'None of your last {n} passwords',
      done: 'Password changed',
      signOut: 'Sign out',
    },
    park: {
      switch: 'Switch park',
      current: 'Current park',
      switching: 'Switching to {name}…',
      failed: 'Could not switch park',
    },
  },
}

export default { 'zh-CN': zhCN, en }
