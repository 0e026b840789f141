import Taro from '@tarojs/taro'

import { keptName, type PhotoStore } from './photo-store'

// The mini-program's kept photos: files under USER_DATA_PATH (the user's own file space, which survives
// restarts; WeChat clears it only when the mini-program is deleted). A saved temp file is moved, not copied.

function folder(): string {
  return `${Taro.env.USER_DATA_PATH}/draft-photos`
}

function ensureFolder(fs: Taro.FileSystemManager): void {
  try {
    fs.accessSync(folder())
  } catch {
    fs.mkdirSync(folder(), true)
  }
}

export const fileStore: PhotoStore = {
  keep(localPath) {
    const fs = Taro.getFileSystemManager()
    ensureFolder(fs)
    const filePath = `${folder()}/${keptName(Date.now())}.jpg`
    return new Promise((resolve, reject) => {
      fs.saveFile({ tempFilePath: localPath, filePath, success: () => resolve(filePath), fail: (error) => reject(new Error(error.errMsg)) })
    })
  },
  source(key) {
    try {
      Taro.getFileSystemManager().accessSync(key)
      return Promise.resolve(key)
    } catch {
      return Promise.resolve(undefined)
    }
  },
  forget(key) {
    return new Promise((resolve) => {
      Taro.getFileSystemManager().unlink({ filePath: key, complete: () => resolve() })
    })
  },
}
